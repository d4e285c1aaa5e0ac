import { Type } from '@sinclair/typebox'
import { loadConfig } from '../config/index'

const PgSandboxEnv = {
  /** The port; the stack sets PORT from PG_SANDBOX_PORT (8090). */
  PORT: Type.Integer({ minimum: 0, maximum: 65_535, default: 8090 }),
  /** The address to listen on: loopback, like the services (its /sandbox/* fault switches are for tests only). */
  HTTP_HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  /** The merchant secret key the payment service sends as Basic auth (Toss: `test_sk_…`). */
  PG_SANDBOX_SECRET_KEY: Type.String({ minLength: 1, default: 'test_sk_sandbox' }),
  /** How long a `slow_` confirm holds its answer after charging: longer than the payment service's PG timeout. */
  PG_SANDBOX_SLOW_MS: Type.Integer({ minimum: 0, maximum: 120_000, default: 5_000 }),
  /** The SQLite file of the sandbox's record; `:memory:` forgets everything on exit. */
  PG_SANDBOX_RECORDS: Type.String({ minLength: 1, default: ':memory:' }),
}

/** The sandbox's config, read once at start-up. */
export const loadPgSandboxConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(PgSandboxEnv, env)
