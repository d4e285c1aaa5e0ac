import { loadConfig } from '@commerce/platform/config'
import { testEnv } from '@commerce/platform/testing'
import { Type } from '@sinclair/typebox'

/**
 * What the end-to-end tests read from the environment: the stack's service URLs (`<NAME>_URL`, else the default ports
 * of platform/stack/defaults.env), the demo admin, the PG sandbox's secret key, and the test overlay's payment window
 * (platform/stack/test-overlay.env, which `npm test` exports). Read once.
 */
const E2eEnv = {
  ADMIN_EMAIL: Type.String({ default: 'admin@commerce.local' }),
  ADMIN_PASSWORD: Type.String({ default: 'Admin-pass-1234' }),
  PG_SANDBOX_SECRET_KEY: Type.String({ default: 'test_sk_sandbox' }),
  /** The payment window the services run with (the test overlay's 20 s). */
  PAYMENT_WINDOW_S: Type.Integer({ minimum: 1, default: 20 }),
  /** Order's shipping fee and the line total from which shipping is free (the test overlay pins order's defaults). */
  ORDER_SHIPPING_FEE: Type.Integer({ minimum: 0, default: 3_000 }),
  ORDER_FREE_SHIPPING_FROM: Type.Integer({ minimum: 0, default: 50_000 }),
  /** Where the services send spans (the test overlay's OTLP/HTTP endpoint); the tracing test listens there. */
  OTEL_EXPORTER_OTLP_ENDPOINT: Type.String({ pattern: '^http://', default: 'http://127.0.0.1:4318' }),
  /** Auth's login throttle (auth's defaults; the test overlay keeps them): failures per account and per address. */
  AUTH_THROTTLE_EMAIL_FAILURES: Type.Integer({ minimum: 1, default: 5 }),
  AUTH_THROTTLE_IP_FAILURES: Type.Integer({ minimum: 1, default: 20 }),
  /** How long a test waits for one saga step (a status, a payment) before it fails. */
  E2E_WAIT_MS: Type.Integer({ minimum: 1000, default: 30_000 }),
}

const env = loadConfig(E2eEnv, process.env)
const stack = testEnv()

export const e2eConfig = Object.freeze({
  ...env,
  urls: {
    /** The front door (platform/gateway): one base URL for every /api/<area>. */
    gateway: stack.gatewayUrl,
    auth: stack.serviceUrl('auth'),
    user: stack.serviceUrl('user'),
    catalog: stack.serviceUrl('catalog'),
    inventory: stack.serviceUrl('inventory'),
    order: stack.serviceUrl('order'),
    payment: stack.serviceUrl('payment'),
    pgSandbox: stack.serviceUrl('pg-sandbox'),
    /** The operator console (`npm run up` starts it on OPS_CONSOLE_PORT). */
    ops: stack.opsUrl,
  },
})

/** What an order of `lines` (Σ unit price × quantity, at selling price) charges: the lines plus shipping unless free. */
export const chargeFor = (lines: number) =>
  lines +
  (e2eConfig.ORDER_FREE_SHIPPING_FROM > 0 && lines >= e2eConfig.ORDER_FREE_SHIPPING_FROM
    ? 0
    : e2eConfig.ORDER_SHIPPING_FEE)
