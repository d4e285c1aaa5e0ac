import { JwtEnv, loadConfig, ServiceEnv } from '@commerce/platform/config'
import { Type } from '@sinclair/typebox'

const Url = (fallback: string) => Type.String({ pattern: '^https?://', default: fallback })
const TimeoutMs = Type.Integer({ minimum: 100, maximum: 30_000, default: 2_000 })

const OrderEnv = {
  ...ServiceEnv,
  ...JwtEnv,
  /** Catalog's internal API: prices and SKU status at order time (`GET /internal/skus`). */
  CATALOG_URL: Url('http://127.0.0.1:8084'),
  /** User's internal API: a member's address by id (`GET /internal/users/{id}/addresses/{addressId}`). */
  USER_URL: Url('http://127.0.0.1:8081'),
  /** Per attempt of a call to catalog / user (a GET is tried up to 3 times within 3 × this). */
  CATALOG_TIMEOUT_MS: TimeoutMs,
  USER_TIMEOUT_MS: TimeoutMs,
  /** Flat shipping fee in KRW, charged unless the lines charge at least ORDER_FREE_SHIPPING_FROM (0 = never free). */
  ORDER_SHIPPING_FEE: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 3_000 }),
  ORDER_FREE_SHIPPING_FROM: Type.Integer({ minimum: 0, default: 50_000 }),
}

/** The order service's config, read once at start-up. */
export const loadOrderConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(OrderEnv, env)
export type OrderConfig = ReturnType<typeof loadOrderConfig>
