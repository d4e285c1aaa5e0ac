import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose'
import type { AppError } from './app-error'
import { CommonErrors } from './common-errors'
import type { Principal } from './principal'

/** How long fetched keys are trusted, and how soon an unknown `kid` may trigger another fetch (jose's options). */
export interface JwksCacheOptions {
  cacheMaxAgeMs?: number
  cooldownMs?: number
}

/**
 * Where verification keys come from (auth's JWKS URL, or a key set in hand when auth verifies its own tokens), and
 * the issuer and audience every token must name: both required, so a token minted for another audience never passes.
 */
export type JwtAuthOptions = {
  issuer: string
  audience: string
} & ({ jwksUrl: string; jwksCache?: JwksCacheOptions } | { keySet: JWTVerifyGetKey })

/** Verifies a bearer token; resolves the principal or rejects with the AppError to answer. */
export type AccessTokenVerifier = (token: string) => Promise<Principal>

// Asymmetric only: HS256 "signed" with a public key (key confusion) and `alg: none` are refused before any key is used.
const algorithms = ['EdDSA', 'Ed25519', 'RS256']
/** Clock skew tolerated between auth and us on `exp`, `nbf` and `iat`. */
const clockToleranceS = 5

// One key set per JWKS URL for the whole process: every route plugin and app shares its cache and its fetches.
const remoteKeySets = new Map<string, JWTVerifyGetKey>()

function remoteKeySet(url: string, cache: JwksCacheOptions = {}): JWTVerifyGetKey {
  const id = `${url}|${cache.cacheMaxAgeMs ?? ''}|${cache.cooldownMs ?? ''}`
  let keySet = remoteKeySets.get(id)
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL(url), {
      cacheMaxAge: cache.cacheMaxAgeMs ?? 10 * 60_000,
      cooldownDuration: cache.cooldownMs ?? 30_000,
      timeoutDuration: 2_000,
    })
    remoteKeySets.set(id, keySet)
  }
  return keySet
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
}

// A refresh token is never an access token (the original accepted one: its §12.12).
function toPrincipal(payload: JWTPayload): Principal {
  const { sub, type, email, roles } = payload
  if (type !== 'access') throw CommonErrors.invalidToken('Not an access token')
  // Any id `Id` accepts (1 … 2^53−1), so every member a service can store can also call it.
  if (!sub || !/^[1-9]\d{0,15}$/.test(sub) || !Number.isSafeInteger(Number(sub))) {
    throw CommonErrors.invalidToken('Token subject is not a user id')
  }
  if (typeof email !== 'string' || !isStringArray(roles)) throw CommonErrors.invalidToken('Token claims are malformed')
  return { userId: Number(sub), email, roles }
}

// Expired → 401-002; a bad token → 401-001; keys we cannot fetch are our outage (503), not the caller's fault.
function classify(error: unknown): AppError {
  if (error instanceof errors.JWTExpired) return CommonErrors.expiredToken()
  const keysUnavailable =
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    !(error instanceof errors.JOSEError) ||
    error.constructor === errors.JOSEError
  if (keysUnavailable) return CommonErrors.unavailable('Token keys are unavailable', { cause: error })
  return CommonErrors.invalidToken()
}

/** Builds a verifier for EdDSA or RS256 access tokens against auth's JWKS (cached per URL, refetched on a new kid). */
export function accessTokenVerifier(options: JwtAuthOptions): AccessTokenVerifier {
  const keys = 'keySet' in options ? options.keySet : remoteKeySet(options.jwksUrl, options.jwksCache)
  const verifyOptions = {
    algorithms,
    issuer: options.issuer,
    audience: options.audience,
    clockTolerance: clockToleranceS,
    requiredClaims: ['exp', 'sub', 'iss', 'aud'],
  }
  return async (token) => {
    let payload: JWTPayload
    try {
      ;({ payload } = await jwtVerify(token, keys, verifyOptions))
    } catch (error) {
      throw classify(error)
    }
    return toPrincipal(payload)
  }
}
