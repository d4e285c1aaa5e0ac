import type { PgDeps } from '../use-cases/deps'

/** What payment's handlers need besides the runner's steps. */
export interface HandlerDeps {
  /** The PG and its database, for refunds worked right after the handler's transaction commits. */
  pg: PgDeps
  /** PAYMENT_WINDOW_S in ms: how long a new payment stays READY. */
  windowMs: number
}
