import { Type } from '@sinclair/typebox'
import { JwtEnv, KafkaEnv } from '../config/fragments'
import { loadConfig } from '../config/index'
import { SagaEnv } from './saga/config'

const OpsEnv = {
  ...KafkaEnv,
  ...JwtEnv,
  ...SagaEnv,
  /** The console and exporter port (the stack sets it from defaults.env OPS_CONSOLE_PORT, 18080). */
  OPS_PORT: Type.Integer({ minimum: 0, maximum: 65_535, default: 18_080 }),
  /** Kafka Connect's REST API (`.stack/env` has it). */
  CONNECT_URL: Type.String({ pattern: '^https?://' }),
  /** Where the console's login form is sent: auth's login behind the gateway, so the page needs no CORS. */
  OPS_LOGIN_URL: Type.String({ pattern: '^https?://', default: 'http://127.0.0.1:8080/api/auth/login' }),
  /** Bound on every call to Kafka or Connect made for a request or a scrape, in ms. */
  OPS_UPSTREAM_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 5_000 }),
  LOG_LEVEL: Type.Union([Type.Literal('debug'), Type.Literal('info'), Type.Literal('warn'), Type.Literal('error')], {
    default: 'info',
  }),
}

/** The ops console's config, read once at start-up. */
export const loadOpsConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(OpsEnv, env)

export type OpsConfig = ReturnType<typeof loadOpsConfig>
