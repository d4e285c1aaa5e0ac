// The operator console and ops exporter as the stack runs it (`npm run up`, port OPS_CONSOLE_PORT): config from config.ts.
import { createKafka } from '../kafka/client'
import { createLogger } from '../log/index'
import { createOpsApp } from './app'
import { loadOpsConfig } from './config'
import { sagaSettingsOf } from './saga/config'

const config = loadOpsConfig()
const logger = createLogger({ service: 'ops' }, config.LOG_LEVEL)
const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID ?? 'ops', logger })
const app = createOpsApp({
  kafka,
  connectUrl: config.CONNECT_URL,
  auth: { jwksUrl: config.AUTH_JWKS_URL, issuer: config.AUTH_JWT_ISSUER, audience: config.AUTH_JWT_AUDIENCE },
  loginUrl: config.OPS_LOGIN_URL,
  timeoutMs: config.OPS_UPSTREAM_TIMEOUT_MS,
  logger,
  saga: sagaSettingsOf(config),
}).listen({ port: config.OPS_PORT, hostname: '127.0.0.1' })
logger.info('started', { url: `http://127.0.0.1:${app.server?.port}` })
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => void app.stop().then(() => process.exit(0)))
}
