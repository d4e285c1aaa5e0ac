import { join } from 'node:path'
import { Type } from '@sinclair/typebox'
import { loadConfig } from '../src/config'
import { stackDefaults } from '../stack/defaults'

/** The gateway's settings (the stack passes them; defaults.env holds GATEWAY_PORT). */
export const GatewayEnv = {
  GATEWAY_PORT: Type.Integer({ minimum: 1, maximum: 65_535, default: Number(stackDefaults.GATEWAY_PORT) }),
  /** Comma-separated front-end origins that get CORS headers; any other origin gets none. */
  GATEWAY_CORS_ORIGINS: Type.String({ default: 'http://localhost:3000,http://localhost:5173' }),
  /** The request-body limit; larger bodies are answered 413 COMMON-413 (the services' own limit is 1 MiB too). */
  GATEWAY_MAX_BODY_BYTES: Type.Integer({ minimum: 1, default: 1_048_576 }),
  /** The stack's directory (.stack); the gateway's files go to `<STACK_DIR>/gateway`. */
  STACK_DIR: Type.String({ default: join(import.meta.dir, '../../.stack') }),
}

/** The gateway's config, plus every `<NAME>_PORT` (a port in the environment wins over defaults.env). */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig(GatewayEnv, env)
  const corsOrigins = config.GATEWAY_CORS_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '')
  return { ...config, corsOrigins, dir: join(config.STACK_DIR, 'gateway'), ports: { ...env } }
}
export type GatewayConfig = ReturnType<typeof loadGatewayConfig>
