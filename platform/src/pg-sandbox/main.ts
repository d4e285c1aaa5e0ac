// The PG sandbox as the stack runs it (`npm run up`): config from the environment (config.ts).
import { loadPgSandboxConfig } from './config'
import { startPgSandbox } from './server'

const config = loadPgSandboxConfig()
const sandbox = startPgSandbox({
  port: config.PORT,
  hostname: config.HTTP_HOST,
  secretKey: config.PG_SANDBOX_SECRET_KEY,
  slowMs: config.PG_SANDBOX_SLOW_MS,
  recordsPath: config.PG_SANDBOX_RECORDS,
})
console.log(JSON.stringify({ level: 'info', service: 'pg-sandbox', url: sandbox.url, msg: 'started' }))
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => void sandbox.stop().then(() => process.exit(0)))
}
