// compose.yaml's gateway: the local stack's nginx config (platform/gateway/nginx-conf.ts, routes.json) for the official
// nginx image. It listens on every address of its container (the port compose publishes), reaches each service at its
// compose hostname, and writes nothing outside /tmp, so it runs as the image's unprivileged user: pid and temp files
// in /tmp, the access log to stdout and the error log to stderr (`docker compose logs gateway`). No OpenAPI files:
// nothing in compose writes them, so /openapi is a 404 like any unrouted path. Regenerate after editing routes.json:
//   bun platform/deploy/compose/gateway.ts > platform/deploy/compose/nginx.conf
import { loadGatewayConfig } from '../../gateway/config'
import { renderNginxConf } from '../../gateway/nginx-conf'
import { readRoutes } from '../../gateway/routes'

/** The defaults the local gateway runs with (no environment): port 8080, CORS origins, body limit. */
const defaults = loadGatewayConfig({})

/** The port the gateway listens on in its container, and compose publishes on the host (GATEWAY_PORT, 8080). */
export const composeGatewayPort = defaults.GATEWAY_PORT

export const composeNginxConf = () =>
  renderNginxConf(readRoutes(), {
    port: composeGatewayPort,
    listenAddress: '0.0.0.0',
    // Compose's DNS name for a service is its name in compose.yaml, which is the route table's service name.
    upstreamHost: (service) => service,
    corsOrigins: defaults.corsOrigins,
    maxBodyBytes: defaults.GATEWAY_MAX_BODY_BYTES,
    dir: '/tmp',
    tempDir: '/tmp',
    openApi: false,
    accessLog: '/dev/stdout',
    generatedBy: 'platform/deploy/compose/gateway.ts from platform/gateway/routes.json',
    // Every service on its defaults.env port, the PORT compose.yaml gives it (compose.test.ts checks both agree).
    env: {},
  })

if (import.meta.main) process.stdout.write(composeNginxConf())
