import { JwtEnv, loadConfig, ServiceEnv } from '@commerce/platform/config'
import { Type } from '@sinclair/typebox'

const PaymentEnv = {
  ...ServiceEnv,
  ...JwtEnv,
  /** The PG's base URL: the local sandbox, or Toss (`https://api.tosspayments.com`) with its secret key. */
  PG_SANDBOX_URL: Type.String({ minLength: 1, default: 'http://127.0.0.1:8090' }),
  PG_SANDBOX_SECRET_KEY: Type.String({ minLength: 1, default: 'test_sk_sandbox' }),
}

/** The payment service's config, read once at start-up. */
export const loadPaymentConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(PaymentEnv, env)
export type PaymentConfig = ReturnType<typeof loadPaymentConfig>
