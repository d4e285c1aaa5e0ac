import { JwtEnv, loadConfig, ServiceEnv } from '@commerce/platform/config'
import { Type } from '@sinclair/typebox'

const UserEnv = {
  ...ServiceEnv,
  ...JwtEnv,
  AUTH_URL: Type.String({ pattern: '^https?://' }),
  /** Per attempt of a call to auth; the pending timeout below must stay well above a whole call (3 attempts). */
  AUTH_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 30_000, default: 2_000 }),
  /** A registration PENDING this long is no longer its request's: the resolve job settles it. */
  REGISTRATION_PENDING_TIMEOUT_S: Type.Integer({ minimum: 1, maximum: 86_400, default: 30 }),
  /** How often the resolve job looks for such registrations. */
  REGISTRATION_RESOLVE_EVERY_S: Type.Integer({ minimum: 1, maximum: 3_600, default: 10 }),
  /** The demo admin seeded when SEED_DEMO_DATA is true; seeding is skipped without both. */
  ADMIN_EMAIL: Type.Optional(Type.String({ minLength: 3, maxLength: 254 })),
  ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
}

/** The user service's config, read once at start-up. */
export const loadUserConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(UserEnv, env)
export type UserConfig = ReturnType<typeof loadUserConfig>
