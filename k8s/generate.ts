// Writes k8s/base and k8s/overlays/local from the repo's sources of truth: the service list and ports
// (platform/stack/defaults.env), each service's env (platform/stack/lib/services.sh), the route table
// (platform/gateway/routes.json), the Prometheus rules and the Grafana dashboards. `bun k8s/generate.ts` rewrites
// them; k8s/test/generated.test.ts fails when the committed YAML differs from this output.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DATASTORE_IMAGES, mariadbServerArgs, REDIS_ARGS } from '../platform/deploy/datastores'
import { IMAGE_TAG } from '../platform/deploy/images'
import { EVENT_TOPIC_PARTITIONS, requiredPasswordKeys } from '../platform/stack/provision/topology'

const root = join(import.meta.dir, '..')
export const NAMESPACE = 'commerce'
/** The Kubernetes API version every object is validated against (kubernetes-models 5.1.0's schemas). */
export const KUBERNETES_VERSION = '1.34'

type Obj = Record<string, unknown>
export interface Service {
  name: string
  port: number
  database: boolean
  /** Services this one calls (its *_URL env), for its NetworkPolicy egress. */
  calls: string[]
  /** KEDA on consumer lag (the consumer-heavy ones), HPA on CPU, or one pod (the PG sandbox: its record is a per-pod SQLite file). */
  scaling: 'lag' | 'cpu' | 'single'
}
/** Ports as platform/stack/defaults.env gives them; calls as each service's config reads them. */
export const SERVICES: Service[] = [
  { name: 'auth', port: 8089, database: true, calls: [], scaling: 'cpu' },
  { name: 'user', port: 8081, database: true, calls: ['auth'], scaling: 'cpu' },
  { name: 'catalog', port: 8084, database: true, calls: ['auth'], scaling: 'cpu' },
  { name: 'inventory', port: 8083, database: true, calls: ['auth'], scaling: 'lag' },
  { name: 'order', port: 8085, database: true, calls: ['auth', 'catalog', 'user'], scaling: 'lag' },
  { name: 'payment', port: 8087, database: true, calls: ['auth', 'pg-sandbox'], scaling: 'lag' },
  { name: 'pg-sandbox', port: 8090, database: false, calls: [], scaling: 'single' },
]
/** Graceful shutdown (platform/src/service/run-service.ts): SIGTERM → readiness red → drain → stop within SHUTDOWN_TIMEOUT_MS. */
export const PRE_STOP_S = 5
export const SHUTDOWN_TIMEOUT_MS = 20_000
export const GRACE_S = PRE_STOP_S + SHUTDOWN_TIMEOUT_MS / 1000 + 5

/** Where the ingress controller's pods get their addresses (auth's AUTH_TRUSTED_PROXIES). */
export const INGRESS_POD_CIDRS = { local: '10.42.0.0/16,10.244.0.0/16', prod: '10.0.0.0/16' }

const image = (name: string) => `commerce/${name}:${IMAGE_TAG}`
const labels = (name: string) => ({ 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'commerce' })
const meta = (name: string, extra: Obj = {}) => ({ name, labels: labels(name), ...extra })
const sel = (name: string) => ({ 'app.kubernetes.io/name': name })
const url = (name: string) => `http://${name}.${NAMESPACE}.svc.cluster.local:${svc(name).port}`
const svc = (name: string) => SERVICES.find((s) => s.name === name) as Service

const restricted = {
  runAsNonRoot: true,
  // The Bun images run as USER bun (uid 1000, platform/deploy/Dockerfile.service); numeric so runAsNonRoot can verify it.
  runAsUser: 1000,
  runAsGroup: 1000,
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
}

/** The env services.sh builds, minus per-host ports: ConfigMap for the plain, Secret for credentials. */
function configEnv(s: Service): Record<string, string> {
  const env: Record<string, string> = {
    PORT: String(s.port),
    HTTP_HOST: '0.0.0.0',
    SERVICE_NAME: s.name,
    KAFKA_BROKERS: 'redpanda:9092',
    REDIS_URL: 'redis://redis:6379',
    AUTH_JWKS_URL: `${url('auth')}/.well-known/jwks.json`,
    AUTH_JWT_ISSUER: 'commerce-auth',
    AUTH_JWT_AUDIENCE: 'commerce',
    HTTP_ACCESS_LOG: 'true',
    AUTH_TRUST_PROXY: 'true',
    SEED_DEMO_DATA: 'true',
    SHUTDOWN_DRAIN_MS: '0',
    SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    PG_SANDBOX_RECORDS: '/data/records.sqlite',
    TRACING_ENABLED: 'false',
  }
  for (const other of SERVICES) env[`${other.name.toUpperCase().replace('-', '_')}_URL`] = url(other.name)
  // Auth believes X-Forwarded-For only from these peers: the ingress controller's pods, whose addresses change — the
  // default pod ranges of k3s/k3d and kind. Prod sets its cluster's range (overlays/prod/kustomization.yaml).
  if (s.name === 'auth') env['AUTH_TRUSTED_PROXIES'] = INGRESS_POD_CIDRS.local
  return env
}
/** Secret keys each service reads; the overlay's secretGenerator supplies the values (none committed for prod). */
export const secretKeys = (s: Service) =>
  [
    ...(s.database ? ['MARIADB_URL'] : []),
    ...(s.name === 'user' ? ['ADMIN_EMAIL', 'ADMIN_PASSWORD'] : []),
    // Seals the private signing keys in auth's database (services/auth/src/use-cases/key-sealing.ts).
    ...(s.name === 'auth' ? ['AUTH_KEY_ENCRYPTION_KEY'] : []),
    ...(s.name === 'payment' || s.name === 'pg-sandbox' ? ['PG_SANDBOX_SECRET_KEY'] : []),
  ].sort()

function serviceObjects(s: Service): Record<string, Obj> {
  const probe = (path: string, extra: Obj) => ({ httpGet: { path, port: 'http' }, periodSeconds: 5, ...extra })
  const secrets = secretKeys(s)
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(s.name),
    spec: {
      replicas: s.scaling === 'single' ? 1 : 2,
      selector: { matchLabels: sel(s.name) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels: labels(s.name) },
        spec: {
          terminationGracePeriodSeconds: GRACE_S,
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [
            {
              name: s.name,
              image: image(s.name),
              ports: [{ name: 'http', containerPort: s.port }],
              envFrom: [
                { configMapRef: { name: `${s.name}-config` } },
                ...(secrets.length ? [{ secretRef: { name: `${s.name}-secrets` } }] : []),
              ],
              startupProbe: probe('/health/live', { failureThreshold: 30 }),
              readinessProbe: probe('/health/ready', { failureThreshold: 2 }),
              livenessProbe: probe('/health/live', { failureThreshold: 3, periodSeconds: 10 }),
              // preStop: endpoints drop the pod before SIGTERM; then the service drains within SHUTDOWN_TIMEOUT_MS.
              lifecycle: { preStop: { sleep: { seconds: PRE_STOP_S } } },
              resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '384Mi' } },
              securityContext: restricted,
              volumeMounts: [
                { name: 'tmp', mountPath: '/tmp' },
                ...(s.name === 'pg-sandbox' ? [{ name: 'data', mountPath: '/data' }] : []),
              ],
            },
          ],
          volumes: [
            { name: 'tmp', emptyDir: {} },
            ...(s.name === 'pg-sandbox' ? [{ name: 'data', emptyDir: {} }] : []),
          ],
        },
      },
    },
  }
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(s.name),
    spec: { selector: sel(s.name), ports: [{ name: 'http', port: s.port, targetPort: 'http' }] },
  }
  const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(`${s.name}-config`), data: configEnv(s) }
  const pdb = {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: meta(s.name),
    spec: {
      ...(s.scaling === 'single' ? { maxUnavailable: 1 } : { minAvailable: 1 }),
      selector: { matchLabels: sel(s.name) },
    },
  }
  const scaler =
    s.scaling === 'lag'
      ? {
          apiVersion: 'keda.sh/v1alpha1',
          kind: 'ScaledObject',
          metadata: meta(s.name),
          spec: {
            scaleTargetRef: { name: s.name },
            minReplicaCount: 2,
            // More consumers than partitions sit idle: the topic's partition count bounds parallelism.
            maxReplicaCount: Math.max(2, EVENT_TOPIC_PARTITIONS),
            triggers: [
              {
                type: 'kafka',
                metadata: {
                  // KEDA's operator runs in its own namespace: the fully qualified name.
                  bootstrapServers: `redpanda.${NAMESPACE}.svc.cluster.local:9092`,
                  consumerGroup: s.name,
                  lagThreshold: '50',
                  allowIdleConsumers: 'false',
                },
              },
              { type: 'cpu', metricType: 'Utilization', metadata: { value: '70' } },
            ],
          },
        }
      : {
          apiVersion: 'autoscaling/v2',
          kind: 'HorizontalPodAutoscaler',
          metadata: meta(s.name),
          spec: {
            scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: s.name },
            minReplicas: 2,
            maxReplicas: 6,
            metrics: [
              { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
            ],
          },
        }
  const networkPolicy = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: meta(s.name),
    spec: {
      podSelector: { matchLabels: sel(s.name) },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        {
          from: [
            { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
            monitoringNamespace,
            ...SERVICES.filter((o) => o.calls.includes(s.name)).map((o) => ({
              podSelector: { matchLabels: sel(o.name) },
            })),
          ],
          ports: [{ protocol: 'TCP', port: s.port }],
        },
      ],
      egress: [
        ...(s.database ? [to('mariadb', 3306)] : []),
        ...(s.name === 'pg-sandbox' ? [] : [to('redis', 6379), to('redpanda', 9092)]),
        ...s.calls.map((c) => to(c, svc(c).port)),
        dnsEgress,
      ],
    },
  }
  const serviceMonitor = monitor(s.name, 'http', '/metrics')
  return {
    'deployment.yaml': deployment,
    'service.yaml': service,
    'configmap.yaml': configMap,
    'pdb.yaml': pdb,
    ...(s.scaling === 'single' ? {} : { [s.scaling === 'lag' ? 'scaledobject.yaml' : 'hpa.yaml']: scaler }),
    'networkpolicy.yaml': networkPolicy,
    'servicemonitor.yaml': serviceMonitor,
  }
}

/** Prometheus (kube-prometheus-stack) runs in `monitoring`; it scrapes what a ServiceMonitor names. */
const monitoringNamespace = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }
const CONNECT_METRICS_PORT = 9405
const REDPANDA_ADMIN_PORT = 9644
const monitor = (name: string, port: string, path: string) => ({
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'ServiceMonitor',
  metadata: meta(name),
  spec: { selector: { matchLabels: sel(name) }, endpoints: [{ port, path, interval: '15s' }] },
})

/** An egress rule: to the pods of `name`, on `port`. */
const to = (name: string, port: number) => ({
  to: [{ podSelector: { matchLabels: sel(name) } }],
  ports: [{ protocol: 'TCP', port }],
})

const dnsEgress = {
  to: [
    {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
      podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    },
  ],
  ports: [
    { protocol: 'UDP', port: 53 },
    { protocol: 'TCP', port: 53 },
  ],
}

function statefulSet(
  name: string,
  opts: { image: string; port: number; args?: string[]; env?: Obj[]; mount: string; storage: string; user: number },
) {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta(name),
    spec: {
      serviceName: name,
      replicas: 1,
      selector: { matchLabels: sel(name) },
      template: {
        metadata: { labels: labels(name) },
        spec: {
          securityContext: {
            runAsNonRoot: true,
            runAsUser: opts.user,
            fsGroup: opts.user,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [
            {
              name,
              image: opts.image,
              ...(opts.args ? { args: opts.args } : {}),
              ...(opts.env ? { env: opts.env } : {}),
              ports: [{ name: 'tcp', containerPort: opts.port }],
              readinessProbe: { tcpSocket: { port: opts.port }, periodSeconds: 5 },
              livenessProbe: { tcpSocket: { port: opts.port }, periodSeconds: 10, failureThreshold: 6 },
              resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '2Gi' } },
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
              volumeMounts: [{ name: 'data', mountPath: opts.mount }],
            },
          ],
        },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: opts.storage } } },
        },
      ],
    },
  }
}
const headless = (name: string, port: number, more: Obj[] = []) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: meta(name),
  spec: { clusterIP: 'None', selector: sel(name), ports: [{ name: 'tcp', port, targetPort: port }, ...more] },
})
const allowFrom = (name: string, port: number, from: string[]) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: meta(name),
  spec: {
    podSelector: { matchLabels: sel(name) },
    policyTypes: ['Ingress'],
    ingress: [
      { from: from.map((f) => ({ podSelector: { matchLabels: sel(f) } })), ports: [{ protocol: 'TCP', port }] },
    ],
  },
})
const dbClients = [...SERVICES.filter((s) => s.database).map((s) => s.name), 'connect', 'provision']
const brokerClients = [
  ...SERVICES.filter((s) => s.name !== 'pg-sandbox').map((s) => s.name),
  'connect',
  'provision',
  'redpanda',
]

function infra(): Record<string, Record<string, Obj>> {
  const redpanda = {
    'statefulset.yaml': statefulSet('redpanda', {
      image: DATASTORE_IMAGES.redpanda,
      port: 9092,
      user: 101,
      mount: '/var/lib/redpanda/data',
      storage: '10Gi',
      env: [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
      args: [
        'redpanda',
        'start',
        '--overprovisioned',
        '--smp=1',
        '--memory=1G',
        '--kafka-addr=0.0.0.0:9092',
        `--advertise-kafka-addr=$(POD_NAME).redpanda.${NAMESPACE}.svc.cluster.local:9092`,
        '--rpc-addr=0.0.0.0:33145',
        `--advertise-rpc-addr=$(POD_NAME).redpanda.${NAMESPACE}.svc.cluster.local:33145`,
        '--set=redpanda.auto_create_topics_enabled=false',
      ],
    }),
    'service.yaml': headless('redpanda', 9092, [
      { name: 'admin', port: REDPANDA_ADMIN_PORT, targetPort: REDPANDA_ADMIN_PORT },
    ]),
    'servicemonitor.yaml': monitor('redpanda', 'admin', '/public_metrics'),
    // Clients (and KEDA's lag reader) on 9092; brokers to each other on 9092 and the RPC port 33145.
    'networkpolicy.yaml': {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta('redpanda'),
      spec: {
        podSelector: { matchLabels: sel('redpanda') },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          {
            from: [
              ...brokerClients.map((f) => ({ podSelector: { matchLabels: sel(f) } })),
              { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'keda' } } },
            ],
            ports: [{ protocol: 'TCP', port: 9092 }],
          },
          { from: [{ podSelector: { matchLabels: sel('redpanda') } }], ports: [{ protocol: 'TCP', port: 33145 }] },
          { from: [monitoringNamespace], ports: [{ protocol: 'TCP', port: REDPANDA_ADMIN_PORT }] },
        ],
        egress: [
          {
            to: [{ podSelector: { matchLabels: sel('redpanda') } }],
            ports: [
              { protocol: 'TCP', port: 9092 },
              { protocol: 'TCP', port: 33145 },
            ],
          },
          dnsEgress,
        ],
      },
    },
  }
  const mariadb = {
    'statefulset.yaml': statefulSet('mariadb', {
      image: DATASTORE_IMAGES.mariadb,
      port: 3306,
      user: 999,
      mount: '/var/lib/mysql',
      storage: '10Gi',
      // The local stack's my.cnf settings (ROW binlog for Debezium, UTC, utf8mb4), as compose.yaml runs them.
      args: mariadbServerArgs(),
      env: [{ name: 'MARIADB_ROOT_PASSWORD', valueFrom: { secretKeyRef: { name: 'mariadb-root', key: 'password' } } }],
    }),
    'service.yaml': headless('mariadb', 3306),
    'networkpolicy.yaml': allowFrom('mariadb', 3306, dbClients),
  }
  const redis = {
    'statefulset.yaml': statefulSet('redis', {
      image: DATASTORE_IMAGES.redis,
      port: 6379,
      user: 999,
      mount: '/data',
      storage: '2Gi',
      args: [...REDIS_ARGS],
    }),
    'service.yaml': headless('redis', 6379),
    'networkpolicy.yaml': allowFrom(
      'redis',
      6379,
      SERVICES.filter((s) => s.name !== 'pg-sandbox')
        .map((s) => s.name)
        .concat('provision'),
    ),
  }
  // The Connect image's entrypoint (platform/deploy/connect/entrypoint.sh) reads these on top of connect.properties.
  const connectEnv = [
    { name: 'KAFKA_BROKERS', value: 'redpanda:9092' },
    { name: 'CONNECT_PORT', value: '8083' },
    { name: 'CONNECT_REPLICATION_FACTOR', value: '1' },
    { name: 'CONNECT_ADVERTISED_HOST', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
    // The JMX exporter agent (connect_connector_running, the CDC rules' and dashboard's series).
    { name: 'CONNECT_JMX_PORT', value: String(CONNECT_METRICS_PORT) },
  ]
  const connect = {
    'deployment.yaml': {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta('connect'),
      spec: {
        replicas: 1,
        selector: { matchLabels: sel('connect') },
        template: {
          metadata: { labels: labels('connect') },
          spec: {
            securityContext: {
              runAsNonRoot: true,
              runAsUser: 10001,
              runAsGroup: 10001,
              seccompProfile: { type: 'RuntimeDefault' },
            },
            containers: [
              {
                name: 'connect',
                image: image('connect'),
                ports: [
                  { name: 'http', containerPort: 8083 },
                  { name: 'metrics', containerPort: CONNECT_METRICS_PORT },
                ],
                env: connectEnv,
                // Ready once the REST API lists the plugins (the herder has started), as the local stack and compose wait.
                readinessProbe: { httpGet: { path: '/connector-plugins', port: 'http' }, periodSeconds: 5 },
                livenessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 10, failureThreshold: 6 },
                startupProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 5, failureThreshold: 60 },
                resources: { requests: { cpu: '250m', memory: '768Mi' }, limits: { memory: '1536Mi' } },
                securityContext: { ...restricted, runAsUser: 10001, runAsGroup: 10001 },
                volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
              },
            ],
            volumes: [{ name: 'tmp', emptyDir: {} }],
          },
        },
      },
    },
    'service.yaml': {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta('connect'),
      spec: {
        selector: sel('connect'),
        ports: [
          { name: 'http', port: 8083, targetPort: 'http' },
          { name: 'metrics', port: CONNECT_METRICS_PORT, targetPort: 'metrics' },
        ],
      },
    },
    'servicemonitor.yaml': monitor('connect', 'metrics', '/metrics'),
    'pdb.yaml': {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: meta('connect'),
      spec: { maxUnavailable: 1, selector: { matchLabels: sel('connect') } },
    },
    'networkpolicy.yaml': {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta('connect'),
      spec: {
        podSelector: { matchLabels: sel('connect') },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          { from: [{ podSelector: { matchLabels: sel('provision') } }], ports: [{ protocol: 'TCP', port: 8083 }] },
          { from: [monitoringNamespace], ports: [{ protocol: 'TCP', port: CONNECT_METRICS_PORT }] },
        ],
        egress: [to('mariadb', 3306), to('redpanda', 9092), dnsEgress],
      },
    },
    // The provisioner (platform/stack/provision/main.ts in the commerce/provision image): topics, DB users and grants,
    // connector registration from connector-config.ts, demo seed. Idempotent: re-run by deleting and re-applying the Job.
    'provision-job.yaml': {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: meta('provision'),
      spec: {
        backoffLimit: 20,
        template: {
          metadata: { labels: labels('provision') },
          spec: {
            restartPolicy: 'OnFailure',
            automountServiceAccountToken: false,
            securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
            containers: [
              {
                name: 'provision',
                image: image('provision'),
                envFrom: [{ configMapRef: { name: 'provision-config' } }, { secretRef: { name: 'provision-secrets' } }],
                resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
                securityContext: restricted,
                volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
              },
            ],
            volumes: [{ name: 'tmp', emptyDir: {} }],
          },
        },
      },
    },
    'provision-configmap.yaml': {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: meta('provision-config'),
      data: { KAFKA_BROKERS: 'redpanda:9092', CONNECT_URL: 'http://connect:8083', REDIS_URL: 'redis://redis:6379' },
    },
    'provision-networkpolicy.yaml': {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta('provision'),
      spec: {
        podSelector: { matchLabels: sel('provision') },
        policyTypes: ['Ingress', 'Egress'],
        egress: [to('mariadb', 3306), to('redpanda', 9092), to('redis', 6379), to('connect', 8083), dnsEgress],
      },
    },
  }
  return { redpanda, mariadb, redis, connect }
}

/** Ingress `/api/<area>` → owning service, from platform/gateway/routes.json (the local gateway's table). */
export function ingress(): Obj {
  const { routes } = JSON.parse(readFileSync(join(root, 'platform/gateway/routes.json'), 'utf8')) as {
    routes: { prefix: string; service: string }[]
  }
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: meta('commerce'),
    spec: {
      ingressClassName: 'nginx',
      rules: [
        {
          http: {
            paths: routes.map((r) => ({
              path: r.prefix,
              pathType: 'Prefix',
              backend: { service: { name: r.service, port: { number: svc(r.service).port } } },
            })),
          },
        },
      ],
    },
  }
}

function observability(): Record<string, Obj> {
  const rulesDir = join(root, 'platform/observability/prometheus/rules')
  const groups = readdirSync(rulesDir)
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .flatMap((f) => (Bun.YAML.parse(readFileSync(join(rulesDir, f), 'utf8')) as { groups: Obj[] }).groups)
  const boardsDir = join(root, 'platform/observability/grafana/dashboards')
  const boards = Object.fromEntries(
    readdirSync(boardsDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => [f, readFileSync(join(boardsDir, f), 'utf8')]),
  )
  return {
    'prometheusrule.yaml': {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: meta('commerce'),
      spec: { groups },
    },
    'grafana-dashboards.yaml': {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      // The Grafana sidecar (kube-prometheus-stack) loads every ConfigMap labelled grafana_dashboard.
      metadata: { name: 'commerce-dashboards', labels: { ...labels('commerce-dashboards'), grafana_dashboard: '1' } },
      data: boards,
    },
  }
}

const kustomization = (resources: string[], extra: Obj = {}) => ({
  apiVersion: 'kustomize.config.k8s.io/v1beta1',
  kind: 'Kustomization',
  ...extra,
  resources,
})

const HEADER = '# Generated by k8s/generate.ts — edit the generator, then `bun k8s/generate.ts`.\n'
/** A patch embedded in a kustomization (no header). */
const inline = (o: unknown) => Bun.YAML.stringify(o, null, 2)
const yaml = (o: unknown) => `${HEADER}${Bun.YAML.stringify(o, null, 2).trimEnd()}\n`

/** Every generated file: path under k8s/ → content. */
export function render(): Record<string, string> {
  const files: Record<string, string> = {}
  const folder = (dir: string, objects: Record<string, Obj>) => {
    for (const [file, o] of Object.entries(objects)) files[`${dir}/${file}`] = yaml(o)
    files[`${dir}/kustomization.yaml`] = yaml(kustomization(Object.keys(objects).sort()))
  }
  for (const s of SERVICES) folder(`base/${s.name}`, serviceObjects(s))
  for (const [name, objects] of Object.entries(infra())) folder(`base/${name}`, objects)
  folder('base/ingress', { 'ingress.yaml': ingress() })
  folder('base/observability', observability())
  folder('base/namespace', {
    'namespace.yaml': {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: NAMESPACE, labels: { 'app.kubernetes.io/part-of': 'commerce' } },
    },
    'default-deny.yaml': {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny' },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    },
  })
  const dirs = [
    'namespace',
    ...SERVICES.map((s) => s.name),
    'redpanda',
    'mariadb',
    'redis',
    'connect',
    'ingress',
    'observability',
  ]
  files['base/kustomization.yaml'] = yaml(kustomization(dirs, { namespace: NAMESPACE }))
  files['overlays/local/kustomization.yaml'] = yaml(localOverlay())
  Object.assign(files, prodOverlay())
  return files
}

/** Local (k3d/kind): one Redpanda node, images imported into the cluster, dev credentials (the local stack's). */
function localOverlay(): Obj {
  const dbUrl = (name: string) => `mysql://${name}:${name}-dev@mariadb:3306/commerce_${name}`
  const literal = (o: Record<string, string>) => Object.entries(o).map(([k, v]) => `${k}=${v}`)
  const values: Record<string, string> = {
    ADMIN_EMAIL: 'admin@commerce.local',
    ADMIN_PASSWORD: 'Admin-pass-1234',
    PG_SANDBOX_SECRET_KEY: 'test_sk_sandbox',
    AUTH_KEY_ENCRYPTION_KEY: Buffer.from('dev-only-key-for-commerce-local!').toString('base64'),
  }
  const secretGenerator = [
    ...SERVICES.filter((s) => secretKeys(s).length).map((s) => ({
      name: `${s.name}-secrets`,
      literals: secretKeys(s).map((k) => `${k}=${k === 'MARIADB_URL' ? dbUrl(s.name) : values[k]}`),
    })),
    { name: 'mariadb-root', literals: ['password=root-dev'] },
    { name: 'provision-secrets', literals: literal({ MARIADB_ADMIN_URL: 'mysql://root:root-dev@mariadb:3306' }) },
  ]
  return {
    ...kustomization(['../../base'], { namespace: NAMESPACE }),
    secretGenerator,
    // Images are imported into the cluster (`k3d image import` / `kind load docker-image`), never pulled.
    patches: [
      {
        target: { kind: 'Deployment', labelSelector: 'app.kubernetes.io/part-of=commerce' },
        patch: inline([{ op: 'add', path: '/spec/template/spec/containers/0/imagePullPolicy', value: 'Never' }]),
      },
      {
        target: { kind: 'Job', name: 'provision' },
        patch: inline([{ op: 'add', path: '/spec/template/spec/containers/0/imagePullPolicy', value: 'Never' }]),
      },
    ],
  }
}

/** The Secret env files prod reads (kept out of git: overlays/prod/secrets/.gitignore); key names only here. */
export const PROD_SECRET_FILES: Record<string, string[]> = {
  ...Object.fromEntries(SERVICES.filter((s) => secretKeys(s).length).map((s) => [`${s.name}-secrets`, secretKeys(s)])),
  // The root URL, and each login's password (platform/stack/provision/topology.ts: loginsFromEnv); a service's
  // password must equal the one in its own MARIADB_URL.
  'provision-secrets': ['MARIADB_ADMIN_URL', ...requiredPasswordKeys()],
}
/** Prod's provisioning settings: replication 3 with min in-sync 2 on every topic, no dev password fallback. */
export const PROD_PROVISION_CONFIG = {
  TOPIC_REPLICATION_FACTOR: '3',
  TOPIC_MIN_INSYNC_REPLICAS: '2',
  PROVISION_REQUIRE_PASSWORDS: 'true',
}
export const REDPANDA_BROKERS = 3

/**
 * Prod: a three-broker Redpanda (the provision Job creates topics at replication 3 with min.insync.replicas 2; Redpanda
 * replicates by Raft, so acks=all already waits for a majority — 2 of 3), managed MariaDB / Redis behind ExternalName
 * Services instead of the StatefulSets, Secrets generated from env files that are never committed.
 */
function prodOverlay(): Record<string, string> {
  const del = (kind: string, name: string) => ({
    patch: inline({
      apiVersion: kind === 'StatefulSet' ? 'apps/v1' : 'networking.k8s.io/v1',
      kind,
      metadata: { name },
      $patch: 'delete',
    }),
  })
  const seeds = Array.from(
    { length: REDPANDA_BROKERS },
    (_, i) => `redpanda-${i}.redpanda.${NAMESPACE}.svc.cluster.local:33145`,
  ).join(',')
  const addArg = (value: string) => ({ op: 'add', path: '/spec/template/spec/containers/0/args/-', value })
  // The base's mariadb / redis Services become ExternalName aliases of the managed endpoints (same DNS name in pods).
  const external = (name: string, host: string) => ({
    target: { kind: 'Service', name },
    patch: inline([
      { op: 'remove', path: '/spec/clusterIP' },
      { op: 'remove', path: '/spec/selector' },
      { op: 'add', path: '/spec/type', value: 'ExternalName' },
      { op: 'add', path: '/spec/externalName', value: host },
    ]),
  })
  const datastoreClients = [...new Set([...dbClients, ...brokerClients])].filter((n) => n !== 'redpanda').sort()
  const managed = [
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta('managed-datastores'),
      spec: {
        // Set the CIDR to the managed MariaDB / Redis subnet.
        podSelector: {
          matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: datastoreClients }],
        },
        policyTypes: ['Egress'],
        egress: [
          {
            to: [{ ipBlock: { cidr: '10.20.0.0/16' } }],
            ports: [
              { protocol: 'TCP', port: 3306 },
              { protocol: 'TCP', port: 6379 },
            ],
          },
        ],
      },
    },
  ]
  const kustomizationFile = {
    ...kustomization(['../../base', 'managed-datastores.yaml'], { namespace: NAMESPACE }),
    secretGenerator: Object.keys(PROD_SECRET_FILES).map((name) => ({ name, envs: [`secrets/${name}.env`] })),
    patches: [
      ...['mariadb', 'redis'].flatMap((n) => [del('StatefulSet', n), del('NetworkPolicy', n)]),
      // Set these to the managed endpoints' DNS names.
      external('mariadb', 'mariadb.managed.example.internal'),
      external('redis', 'redis.managed.example.internal'),
      {
        target: { kind: 'StatefulSet', name: 'redpanda' },
        patch: inline([
          { op: 'replace', path: '/spec/replicas', value: REDPANDA_BROKERS },
          addArg(`--seeds=${seeds}`),
          addArg(`--set=redpanda.default_topic_replications=${REDPANDA_BROKERS}`),
          addArg(`--set=redpanda.internal_topic_replication_factor=${REDPANDA_BROKERS}`),
        ]),
      },
      {
        target: { kind: 'ConfigMap', name: 'provision-config' },
        patch: inline(
          Object.entries(PROD_PROVISION_CONFIG).map(([key, value]) => ({ op: 'add', path: `/data/${key}`, value })),
        ),
      },
      {
        // Set to the pod range your ingress controller's pods get addresses from.
        target: { kind: 'ConfigMap', name: 'auth-config' },
        patch: inline([{ op: 'replace', path: '/data/AUTH_TRUSTED_PROXIES', value: INGRESS_POD_CIDRS.prod }]),
      },
      {
        // Connect's own topics (configs, offsets, status) at replication 3 too.
        target: { kind: 'Deployment', name: 'connect' },
        patch: inline([
          { op: 'test', path: '/spec/template/spec/containers/0/env/2/name', value: 'CONNECT_REPLICATION_FACTOR' },
          { op: 'replace', path: '/spec/template/spec/containers/0/env/2/value', value: String(REDPANDA_BROKERS) },
        ]),
      },
    ],
  }
  const redpandaPdb = {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: meta('redpanda'),
    spec: { maxUnavailable: 1, selector: { matchLabels: sel('redpanda') } },
  }
  kustomizationFile.resources.push('redpanda-pdb.yaml')
  return {
    'overlays/prod/kustomization.yaml': yaml(kustomizationFile),
    'overlays/prod/managed-datastores.yaml': yaml(managed[0]),
    'overlays/prod/redpanda-pdb.yaml': yaml(redpandaPdb),
    'overlays/prod/secrets/.gitignore': '# Secrets are generated per environment and never committed.\n*.env\n',
    'overlays/prod/secrets/KEYS.md': `# Secret env files (one KEY=value a line, never committed)\n\n${Object.entries(
      PROD_SECRET_FILES,
    )
      .map(([name, keys]) => `- \`${name}.env\`: ${keys.join(', ')}`)
      .join('\n')}\n`,
  }
}

if (import.meta.main) {
  for (const [path, content] of Object.entries(render())) {
    await Bun.write(join(import.meta.dir, path), content)
  }
  console.log(`k8s: wrote ${Object.keys(render()).length} files`)
}
