import { JwtEnv, loadConfig, ServiceEnv } from '@commerce/platform/config'
import { Type } from '@sinclair/typebox'

const CatalogEnv = {
  ...ServiceEnv,
  ...JwtEnv,
  /** How often the leased pricing job looks for promotions and discounts that started or ended. */
  CATALOG_PRICING_EVERY_S: Type.Integer({ minimum: 1, maximum: 3_600, default: 30 }),
}

/** The catalog service's config, read once at start-up. */
export const loadCatalogConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(CatalogEnv, env)
export type CatalogConfig = ReturnType<typeof loadCatalogConfig>
