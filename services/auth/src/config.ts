import { JwtEnv, loadConfig, ServiceEnv } from '@commerce/platform/config'
import { Type } from '@sinclair/typebox'

const Seconds = (options: { minimum: number; maximum?: number; default: number }) => Type.Integer(options)

/** Auth's own keys: token lifetimes, key rotation, login throttling, proxy trust. */
export const AuthEnv = {
  AUTH_JWT_ISSUER: JwtEnv.AUTH_JWT_ISSUER,
  AUTH_JWT_AUDIENCE: JwtEnv.AUTH_JWT_AUDIENCE,
  /** Access-token lifetime (SPEC §3: 15 min by default, at most 24 h). */
  AUTH_ACCESS_TTL_S: Seconds({ minimum: 1, maximum: 86_400, default: 900 }),
  AUTH_REFRESH_TTL_S: Seconds({ minimum: 60, default: 14 * 86_400 }),
  /** The signer is replaced when it is older than this (leased job). */
  AUTH_KEY_ROTATION_DAYS: Type.Number({ exclusiveMinimum: 0, default: 30 }),
  /** A retired key stays in the JWKS for the access TTL plus this margin (cached JWKS, clock skew). */
  AUTH_KEY_RETIRE_GRACE_S: Seconds({ minimum: 0, default: 300 }),
  AUTH_KEY_JOB_EVERY_S: Seconds({ minimum: 1, default: 3600 }),
  /**
   * Seals private signing keys at rest (AES-256-GCM): base64 of 32 random bytes, from a Secret. Empty (the local
   * stack): stored plain. Required by the prod overlay: without it a database backup can mint tokens.
   */
  AUTH_KEY_ENCRYPTION_KEY: Type.String({ pattern: '^([A-Za-z0-9+/]{43}=)?$', default: '' }),
  AUTH_PRUNE_EVERY_S: Seconds({ minimum: 1, default: 3600 }),
  AUTH_LOGIN_HISTORY_RETENTION_DAYS: Type.Integer({ minimum: 1, default: 90 }),
  AUTH_THROTTLE_WINDOW_S: Seconds({ minimum: 1, default: 900 }),
  AUTH_THROTTLE_EMAIL_FAILURES: Type.Integer({ minimum: 1, default: 5 }),
  AUTH_THROTTLE_IP_FAILURES: Type.Integer({ minimum: 1, default: 20 }),
  /** Take the client address from X-Forwarded-For (its last entry), only from AUTH_TRUSTED_PROXIES peers. */
  AUTH_TRUST_PROXY: Type.Boolean({ default: false }),
  /**
   * Comma-separated peer addresses or CIDR ranges whose X-Forwarded-For is believed: the gateway's (loopback for the
   * local one; the ingress controller's pod range in Kubernetes).
   */
  AUTH_TRUSTED_PROXIES: Type.String({ default: '127.0.0.1,::1' }),
}

/** Reads auth's config once at start-up; every problem is listed. */
export const loadAuthConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig({ ...ServiceEnv, ...AuthEnv }, env)
export type AuthConfig = ReturnType<typeof loadAuthConfig>
