import { Type } from '@sinclair/typebox'
import { KafkaEnv } from '../../config/fragments'
import { loadConfig } from '../../config/index'

const Url = (port: number) => Type.String({ pattern: '^https?://', default: `http://127.0.0.1:${port}` })

/**
 * Where the saga timeline finds each service's `GET /internal/saga/:id` (the stack's fixed ports by default), and how
 * far it reads the DLQs. A config fragment: the ops server's and the CLI's config spread it.
 */
export const SagaEnv = {
  AUTH_URL: Url(8089),
  USER_URL: Url(8081),
  CATALOG_URL: Url(8084),
  INVENTORY_URL: Url(8083),
  ORDER_URL: Url(8085),
  PAYMENT_URL: Url(8087),
  /** Per service call; a service slower than this is shown as unavailable. */
  SAGA_SERVICE_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 30_000, default: 2_000 }),
  /** The DLQ scan reads at most the newest this many records per partition (DLQs are small) … */
  SAGA_DLQ_SCAN_PER_PARTITION: Type.Integer({ minimum: 1, maximum: 100_000, default: 2_000 }),
  /** … and gives up after this long, saying so in the timeline's notes. */
  SAGA_DLQ_SCAN_TIMEOUT_MS: Type.Integer({ minimum: 500, maximum: 60_000, default: 5_000 }),
}

/** What the timeline is collected with, from a config that spread `SagaEnv`. */
export interface SagaSettings {
  services: { name: string; baseUrl: string }[]
  serviceTimeoutMs: number
  dlq: { perPartition: number; timeoutMs: number }
}

type SagaConfig = { [K in keyof typeof SagaEnv]: K extends `${string}_URL` ? string : number }

/** The settings from a loaded config (the six services, in saga order where it has one). */
export function sagaSettingsOf(config: SagaConfig): SagaSettings {
  return {
    services: [
      { name: 'order', baseUrl: config.ORDER_URL },
      { name: 'inventory', baseUrl: config.INVENTORY_URL },
      { name: 'payment', baseUrl: config.PAYMENT_URL },
      { name: 'catalog', baseUrl: config.CATALOG_URL },
      { name: 'user', baseUrl: config.USER_URL },
      { name: 'auth', baseUrl: config.AUTH_URL },
    ],
    serviceTimeoutMs: config.SAGA_SERVICE_TIMEOUT_MS,
    dlq: { perPartition: config.SAGA_DLQ_SCAN_PER_PARTITION, timeoutMs: config.SAGA_DLQ_SCAN_TIMEOUT_MS },
  }
}

const SagaCliEnv = {
  ...KafkaEnv,
  ...SagaEnv,
  LOG_LEVEL: Type.Union([Type.Literal('debug'), Type.Literal('info'), Type.Literal('warn'), Type.Literal('error')], {
    default: 'warn',
  }),
}

/** `npm run saga`'s config: the stack's env (.stack/env via platform/stack/bin/run) and the defaults above. */
export const loadSagaCliConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(SagaCliEnv, env)
