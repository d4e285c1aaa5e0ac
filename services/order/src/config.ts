import { JwtEnv, loadConfig, ServiceEnv } from '@commerce/platform/config'

const OrderEnv = { ...ServiceEnv, ...JwtEnv }

/** The order service's config, read once at start-up. */
export const loadOrderConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(OrderEnv, env)
export type OrderConfig = ReturnType<typeof loadOrderConfig>
