// Offline validation of k8s/: the committed YAML equals the generator's output, every overlay builds with
// `kubectl kustomize`, every object validates against the Kubernetes API schema (kubernetes-models, see KUBERNETES_VERSION)
// and the KEDA / Prometheus Operator CRD schemas, and the policies an operator relies on hold.
import { describe, expect, test } from 'bun:test'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DATASTORE_IMAGES, mariadbServerArgs, REDIS_ARGS } from '../../platform/deploy/datastores'
import { loadPgSandboxConfig } from '../../platform/src/pg-sandbox/config'
import {
  endpointsFromEnv,
  loginsFromEnv,
  serviceDatabases,
  topicSettingsFromEnv,
} from '../../platform/stack/provision/topology'
import { loadAuthConfig } from '../../services/auth/src/config'
import { trustedProxies } from '../../services/auth/src/http/client'
import { loadCatalogConfig } from '../../services/catalog/src/config'
import { loadInventoryConfig } from '../../services/inventory/src/config'
import { loadOrderConfig } from '../../services/order/src/config'
import { loadPaymentConfig } from '../../services/payment/src/config'
import { loadUserConfig } from '../../services/user/src/config'
import { PROD_SECRET_FILES, REDPANDA_BROKERS, render, SERVICES } from '../generate'

type Meta = { name: string; namespace?: string; labels?: Record<string, string> }
// biome-ignore lint/suspicious/noExplicitAny: parsed YAML, each test reads the fields it checks
type Obj = { apiVersion: string; kind: string; metadata: Meta; spec?: any; data?: any }
const k8sDir = join(import.meta.dir, '..')
export const OVERLAYS = ['local', 'prod']

/** Prod's Secrets come from env files never committed: build a copy with stand-in values for every key. */
function prodCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-prod-'))
  cpSync(join(k8sDir, 'base'), join(dir, 'base'), { recursive: true })
  cpSync(join(k8sDir, 'overlays/prod'), join(dir, 'overlays/prod'), { recursive: true })
  const special: Record<string, string> = {
    MARIADB_ADMIN_URL: 'mysql://root:stand-in@mariadb:3306',
    ADMIN_EMAIL: 'ops@example.com',
    AUTH_KEY_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  }
  const value = (key: string, name: string) =>
    special[key] ??
    (key.endsWith('MARIADB_URL') ? `mysql://${name}:stand-in@mariadb:3306/commerce_${name}` : 'stand-in')
  for (const [file, keys] of Object.entries(PROD_SECRET_FILES)) {
    const name = file.replace(/-secrets$/, '')
    writeFileSync(
      join(dir, 'overlays/prod/secrets', `${file}.env`),
      keys.map((k) => `${k}=${value(k, name)}`).join('\n'),
    )
  }
  return dir
}

function build(overlay: string): Obj[] {
  const base = overlay === 'prod' ? prodCopy() : k8sDir
  const out = Bun.spawnSync(['kubectl', 'kustomize', join(base, 'overlays', overlay)])
  if (out.exitCode !== 0) throw new Error(`kubectl kustomize ${overlay}: ${out.stderr.toString()}`)
  return out.stdout
    .toString()
    .split(/^---$/m)
    .map((doc) => Bun.YAML.parse(doc) as Obj)
    .filter(Boolean)
}
const built = Object.fromEntries(OVERLAYS.map((o) => [o, build(o)]))

/** The kubernetes-models class for an object: core/group API from kubernetes-models, CRDs from its KEDA / Prometheus Operator packages. */
async function modelFor(o: Obj): Promise<(new (d: unknown) => { validate(): void }) | undefined> {
  const [group, version] = o.apiVersion.includes('/') ? o.apiVersion.split('/') : ['', o.apiVersion]
  const module =
    group === 'keda.sh'
      ? `@kubernetes-models/keda/keda.sh/${version}`
      : group === 'monitoring.coreos.com'
        ? `@kubernetes-models/prometheus-operator/monitoring.coreos.com/${version}`
        : group === ''
          ? `kubernetes-models/${version}`
          : `kubernetes-models/${group}/${version}`
  const mod = await import(module)
  return mod[o.kind]
}

test('the committed YAML equals k8s/generate.ts output', () => {
  for (const [path, content] of Object.entries(render())) {
    expect(readFileSync(join(k8sDir, path), 'utf8'), path).toBe(content)
  }
})

for (const overlay of OVERLAYS) {
  describe(`overlay ${overlay}`, () => {
    const objects = built[overlay] as Obj[]
    const of = (kind: string) => objects.filter((o) => o.kind === kind)

    test('builds and every object validates against its schema', async () => {
      expect(objects.length).toBeGreaterThan(50)
      for (const o of objects) {
        const Model = await modelFor(o)
        expect(Model, `${o.apiVersion} ${o.kind} has a schema`).toBeDefined()
        // kustomize wraps long base64 values at 70 columns; the API server's decoder (Go encoding/base64) skips the
        // newlines, the validator's "byte" format does not: compare the unwrapped value.
        const data = o.kind === 'Secret' ? unwrapBase64(o.data) : o.data
        const model = new (Model as new (d: unknown) => { validate(): void })({ ...o, ...(data ? { data } : {}) })
        expect(() => model.validate(), `${o.kind}/${o.metadata.name}`).not.toThrow()
      }
    })

    test('every Deployment: probes, resources, non-root read-only, a PDB, matched grace period, no latest tag', () => {
      const pdbs = of('PodDisruptionBudget')
      for (const d of of('Deployment')) {
        const pod = d.spec.template.spec
        const labels = d.spec.template.metadata.labels
        expect(pod.securityContext.runAsNonRoot, d.metadata.name).toBe(true)
        for (const c of pod.containers) {
          const where = `${d.metadata.name}/${c.name}`
          expect(c.readinessProbe, where).toBeDefined()
          expect(c.livenessProbe, where).toBeDefined()
          expect(c.startupProbe, where).toBeDefined()
          expect(c.resources?.requests?.cpu && c.resources?.limits?.memory, where).toBeTruthy()
          expect(c.securityContext?.allowPrivilegeEscalation, where).toBe(false)
          expect(c.image, where).toMatch(/:[\w.-]+$/)
          expect(c.image, where).not.toMatch(/:latest$/)
        }
        const matching = pdbs.filter((p) =>
          Object.entries(p.spec.selector.matchLabels).every(([k, v]) => labels[k] === v),
        )
        expect(matching.length, `PDB for ${d.metadata.name}`).toBe(1)
      }
      for (const s of SERVICES) {
        const d = of('Deployment').find((o) => o.metadata.name === s.name) as Obj
        const pod = d.spec.template.spec
        const c = pod.containers[0]
        expect(c.readinessProbe.httpGet.path).toBe('/health/ready')
        expect(c.livenessProbe.httpGet.path).toBe('/health/live')
        expect(c.securityContext.readOnlyRootFilesystem).toBe(true)
        const env = serviceEnv(objects, s.name)
        const shutdownS = Number(env['SHUTDOWN_TIMEOUT_MS']) / 1000
        expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(c.lifecycle.preStop.sleep.seconds + shutdownS)
      }
    })

    test('every image tag is pinned', () => {
      for (const o of objects) {
        for (const c of o.spec?.template?.spec?.containers ?? []) expect(c.image).not.toMatch(/:latest$|^[^:]+$/)
      }
    })

    test('every namespace default-denies ingress and egress', () => {
      const namespaces = new Set(
        objects.map((o) => (o.kind === 'Namespace' ? o.metadata.name : o.metadata.namespace)).filter(Boolean),
      )
      for (const ns of namespaces) {
        const deny = of('NetworkPolicy').find(
          (p) =>
            p.metadata.namespace === ns &&
            Object.keys(p.spec.podSelector).length === 0 &&
            !p.spec.ingress &&
            !p.spec.egress,
        )
        expect(deny?.spec.policyTypes.sort(), `default deny in ${ns}`).toEqual(['Egress', 'Ingress'])
      }
    })

    test('every Ingress path reaches a Service and port that exist', () => {
      for (const ing of of('Ingress')) {
        for (const rule of ing.spec.rules) {
          for (const p of rule.http.paths) {
            const target = of('Service').find((s) => s.metadata.name === p.backend.service.name)
            expect(target, p.path).toBeDefined()
            expect(target?.spec.ports.map((x: { port: number }) => x.port)).toContain(p.backend.service.port.number)
          }
        }
      }
    })

    test('every service starts with the env its config requires (its loader accepts the Deployment env)', () => {
      const loaders: Record<string, (env: Record<string, string>) => unknown> = {
        auth: loadAuthConfig,
        user: loadUserConfig,
        catalog: loadCatalogConfig,
        inventory: loadInventoryConfig,
        order: loadOrderConfig,
        payment: loadPaymentConfig,
        'pg-sandbox': loadPgSandboxConfig,
      }
      for (const [name, load] of Object.entries(loaders)) {
        const env = serviceEnv(objects, name)
        expect(env['HTTP_HOST'], name).toBe('0.0.0.0')
        expect(() => load(env), name).not.toThrow()
      }
    })

    test('the provision Job has what provisioning reads, and creates the logins the services connect with', () => {
      const env = podEnv(objects, 'Job', 'provision')
      expect(() => endpointsFromEnv(env)).not.toThrow()
      expect(() => topicSettingsFromEnv(env)).not.toThrow()
      const logins = loginsFromEnv(env)
      for (const db of serviceDatabases.filter((d) => SERVICES.some((s) => s.name === d.service))) {
        const url = new URL(serviceEnv(objects, db.service)['MARIADB_URL'] ?? '')
        expect({ user: url.username, password: decodeURIComponent(url.password) }, db.service).toEqual(
          logins.service(db),
        )
      }
    })

    test('auth believes X-Forwarded-For only from an address range it can parse (the ingress controller pods)', () => {
      const env = serviceEnv(objects, 'auth')
      expect(env['AUTH_TRUST_PROXY']).toBe('true')
      expect(() => trustedProxies(env['AUTH_TRUSTED_PROXIES'] ?? '')).not.toThrow()
      expect(trustedProxies(env['AUTH_TRUSTED_PROXIES'] ?? '')('127.0.0.1')).toBe(false)
    })

    test('the broker and datastores run the images and server settings compose.yaml and the local stack use', () => {
      const container = (name: string) =>
        of('StatefulSet').find((o) => o.metadata.name === name)?.spec.template.spec.containers[0]
      expect(container('redpanda')?.image).toBe(DATASTORE_IMAGES.redpanda)
      if (overlay === 'local') {
        expect(container('mariadb')?.image).toBe(DATASTORE_IMAGES.mariadb)
        expect(container('mariadb')?.args).toEqual(mariadbServerArgs())
        expect(container('redis')?.image).toBe(DATASTORE_IMAGES.redis)
        expect(container('redis')?.args).toEqual([...REDIS_ARGS])
      }
      const connect = of('Deployment').find((o) => o.metadata.name === 'connect')?.spec.template.spec.containers[0]
      expect(connect.readinessProbe.httpGet.path).toBe('/connector-plugins')
    })

    test('every ServiceMonitor names a Service port that exists and the monitoring namespace may reach', () => {
      const monitored = of('ServiceMonitor').map((m) => m.metadata.name)
      // The CDC alerts (absent(connect_connector_running)) fire when nothing scrapes Connect.
      expect(monitored).toEqual(expect.arrayContaining([...SERVICES.map((s) => s.name), 'connect', 'redpanda']))
      for (const m of of('ServiceMonitor')) {
        const selector = m.spec.selector.matchLabels
        const service = of('Service').find((o) =>
          Object.entries(selector).every(([k, v]) => o.metadata.labels?.[k] === v),
        ) as Obj
        const port = service?.spec.ports.find((p: { name: string }) => p.name === m.spec.endpoints[0].port)
        expect(port, `${m.metadata.name}: port ${m.spec.endpoints[0].port}`).toBeDefined()
        const policy = of('NetworkPolicy').find((o) => o.metadata.name === m.metadata.name) as Obj
        const number = typeof port.targetPort === 'number' ? port.targetPort : port.port
        const admitted = policy.spec.ingress.some(
          (rule: { from: Obj[]; ports: { port: number }[] }) =>
            rule.from.some((f) => JSON.stringify(f).includes('"monitoring"')) &&
            rule.ports.some((p) => p.port === number),
        )
        expect(admitted, `${m.metadata.name}: monitoring may scrape port ${number}`).toBe(true)
      }
    })

    test('inventory, order and payment scale on consumer lag; the rest on CPU (the PG sandbox is one pod)', () => {
      const keda = of('ScaledObject')
        .map((o) => o.metadata.name)
        .sort()
      expect(keda).toEqual(['inventory', 'order', 'payment'])
      const hpa = of('HorizontalPodAutoscaler')
        .map((o) => o.metadata.name)
        .sort()
      expect(hpa).toEqual(['auth', 'catalog', 'user'])
    })

    test('each service reaches only its DB, Redis, the broker and the services it calls', () => {
      for (const s of SERVICES) {
        const p = of('NetworkPolicy').find((o) => o.metadata.name === s.name) as Obj
        const targets = p.spec.egress
          .flatMap((e: { to: { podSelector?: { matchLabels: Record<string, string> } }[] }) => e.to)
          .map(
            (t: { podSelector?: { matchLabels: Record<string, string> } }) =>
              t.podSelector?.matchLabels['app.kubernetes.io/name'],
          )
          .filter(Boolean)
          .sort()
        const expected = [
          ...(s.database ? ['mariadb'] : []),
          ...(s.name === 'pg-sandbox' ? [] : ['redis', 'redpanda']),
          ...s.calls,
        ].sort()
        expect(targets, s.name).toEqual(expected)
      }
    })
  })
}

/** A service's container env, resolved from its ConfigMap and Secret (base64) as kubelet would. */
const serviceEnv = (objects: Obj[], name: string) => podEnv(objects, 'Deployment', name)

/** The env of a Deployment's or Job's first container, resolved from its ConfigMaps and Secrets. */
function podEnv(objects: Obj[], kind: string, name: string): Record<string, string> {
  const d = objects.find((o) => o.kind === kind && o.metadata.name === name) as Obj
  const env: Record<string, string> = {}
  for (const from of d.spec.template.spec.containers[0].envFrom) {
    if (from.configMapRef) {
      Object.assign(
        env,
        objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === from.configMapRef.name)?.data,
      )
    }
    if (from.secretRef) {
      const secret = objects.find((o) => o.kind === 'Secret' && o.metadata.name === from.secretRef.name)
      expect(secret, `${name}: Secret ${from.secretRef.name}`).toBeDefined()
      for (const [k, v] of Object.entries(secret?.data ?? {})) env[k] = Buffer.from(String(v), 'base64').toString()
    }
  }
  return env
}

const unwrapBase64 = (data: Record<string, string> | undefined) =>
  data && Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.replace(/\s/g, '')]))

describe('overlay prod', () => {
  const objects = built['prod'] as Obj[]
  test('three Redpanda brokers, topics at replication 3, managed MariaDB / Redis instead of the StatefulSets', () => {
    const sets = objects.filter((o) => o.kind === 'StatefulSet')
    expect(sets.map((o) => o.metadata.name)).toEqual(['redpanda'])
    const redpanda = sets[0] as Obj
    expect(redpanda.spec.replicas).toBe(3)
    expect(redpanda.spec.template.spec.containers[0].args).toContain('--set=redpanda.default_topic_replications=3')
    for (const name of ['mariadb', 'redis']) {
      const service = objects.find((o) => o.kind === 'Service' && o.metadata.name === name) as Obj
      expect(service.spec.type, name).toBe('ExternalName')
    }
  })
  test('the provisioner creates topics at replication 3 with min in-sync 2, and never falls back to dev passwords', () => {
    const env = podEnv(objects, 'Job', 'provision')
    expect(topicSettingsFromEnv(env)).toEqual({
      replicationFactor: REDPANDA_BROKERS,
      configs: { 'min.insync.replicas': '2' },
    })
    expect(env['PROVISION_REQUIRE_PASSWORDS']).toBe('true')
    // Auth's private signing keys are sealed at rest: its Secret must hold the key (a dump cannot mint tokens).
    expect(PROD_SECRET_FILES['auth-secrets']).toContain('AUTH_KEY_ENCRYPTION_KEY')
    const { CDC_MARIADB_PASSWORD: _, ...withoutOne } = env
    expect(() => loginsFromEnv(withoutOne)).toThrow('CDC_MARIADB_PASSWORD')
  })

  test('no prod secret value is committed', () => {
    const tracked = Bun.spawnSync(['git', 'ls-files', join(k8sDir, 'overlays/prod/secrets')], { cwd: k8sDir })
    const files = tracked.stdout.toString().trim().split('\n')
    expect(files.filter((f) => f.endsWith('.env'))).toEqual([])
  })
})
