import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose'
import type { AppError } from './app-error'
import { CommonErrors } from './common-errors'
import type { Principal } from './principal'

/** Where verification keys come from: auth's JWKS URL, or a key set in hand (auth verifying its own tokens). */
export type JwtAuthOptions = {
  issuer?: string
  audience?: string
} & ({ jwksUrl: string } | { keySet: JWTVerifyGetKey })

/** Verifies a bearer token; resolves the principal or rejects with the AppError to answer. */
export type AccessTokenVerifier = (token: string) => Promise<Principal>

const algorithms = ['EdDSA', 'Ed25519', 'RS256']

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
}

// A refresh token is never an access token (the original accepted one: its §12.12).
function toPrincipal(payload: JWTPayload): Principal {
  const { sub, type, email, roles } = payload
  if (type !== 'access') throw CommonErrors.invalidToken('Not an access token')
  if (!sub || !/^\d{1,15}$/.test(sub)) throw CommonErrors.invalidToken('Token subject is not a user id')
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

/** Builds a verifier for EdDSA or RS256 access tokens against auth's JWKS (cached and refreshed by jose). */
export function accessTokenVerifier(options: JwtAuthOptions): AccessTokenVerifier {
  const keys = 'keySet' in options ? options.keySet : createRemoteJWKSet(new URL(options.jwksUrl))
  const verifyOptions = {
    algorithms,
    issuer: options.issuer,
    audience: options.audience,
    requiredClaims: ['exp', 'sub'],
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
