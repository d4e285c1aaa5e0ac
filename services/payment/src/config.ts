import { JwtEnv, loadConfig, ServiceEnv } from '@commerce/platform/config'
import { Type } from '@sinclair/typebox'

const PaymentEnv = {
  ...ServiceEnv,
  ...JwtEnv,
  /** The PG's base URL: the local sandbox, or Toss (`https://api.tosspayments.com`) with its secret key. */
  PG_SANDBOX_URL: Type.String({ minLength: 1, default: 'http://127.0.0.1:8090' }),
  PG_SANDBOX_SECRET_KEY: Type.String({ minLength: 1, default: 'test_sk_sandbox' }),
  /** Per PG attempt (3 attempts per call, same Idempotency-Key): below the sandbox's slow delay, so `slow_` resolves by the replay. */
  PG_TIMEOUT_MS: Type.Integer({ minimum: 50, maximum: 60_000, default: 2_000 }),
  /** The payment window: a READY payment not confirmed within it expires (SPEC §6, 15 min). */
  PAYMENT_WINDOW_S: Type.Integer({ minimum: 1, maximum: 86_400, default: 900 }),
  /** How often the leased expiry job fails READY payments past their window. */
  PAYMENT_EXPIRY_EVERY_S: Type.Integer({ minimum: 1, maximum: 3_600, default: 5 }),
  /** How often the leased settle job works pending refunds and confirm attempts left with an unknown outcome. */
  PAYMENT_SETTLE_EVERY_S: Type.Integer({ minimum: 1, maximum: 3_600, default: 2 }),
  /** How long a confirm attempt is left to its own request before the settle job asks the PG about it. */
  PAYMENT_SETTLE_AFTER_S: Type.Integer({ minimum: 0, maximum: 3_600, default: 30 }),
  /** Tries of one refund (PG cancel, same Idempotency-Key each time) before payment.refund.failed. */
  PAYMENT_REFUND_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 100, default: 5 }),
  /** Wait before the second try of a refund; doubled per try, at most 5 min. */
  PAYMENT_REFUND_RETRY_BASE_MS: Type.Integer({ minimum: 10, maximum: 600_000, default: 2_000 }),
}

/** The payment service's config, read once at start-up. */
export const loadPaymentConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(PaymentEnv, env)
export type PaymentConfig = ReturnType<typeof loadPaymentConfig>
