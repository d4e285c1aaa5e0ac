// Writes the gateway's nginx config (<STACK_DIR>/gateway/nginx.conf) from routes.json; `stack up` runs it before
// starting nginx. Usage: bun platform/gateway/render.ts (prints the config's path).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadGatewayConfig } from './config'
import { renderNginxConf } from './nginx-conf'
import { readRoutes } from './routes'

const config = loadGatewayConfig()
for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
  mkdirSync(join(config.dir, 'tmp', sub), { recursive: true })
const conf = renderNginxConf(readRoutes(), {
  port: config.GATEWAY_PORT,
  corsOrigins: config.corsOrigins,
  maxBodyBytes: config.GATEWAY_MAX_BODY_BYTES,
  dir: config.dir,
  accessLog: join(config.STACK_DIR, 'logs', 'gateway-access.log'),
  env: config.ports,
})
const file = join(config.dir, 'nginx.conf')
writeFileSync(file, conf)
process.stdout.write(`${file}\n`)
