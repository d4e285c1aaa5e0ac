import type { Logger } from '@commerce/platform/log'
import type { PaymentDb } from '../db'
import type { TossGateway } from '../gateway/toss'

/** What the PG-calling use cases need: the database (short transactions of their own), the PG, retry bounds. */
export interface PgDeps {
  db: PaymentDb
  gateway: TossGateway
  logger: Logger
  refundRetry: { maxAttempts: number; baseMs: number }
}
