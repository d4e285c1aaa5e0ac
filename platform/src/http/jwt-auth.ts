import { Elysia } from 'elysia'
import { type AccessTokenVerifier, accessTokenVerifier, type JwtAuthOptions } from './access-token'
import { AppError } from './app-error'
import { CommonErrors } from './common-errors'
import { httpKit } from './http-kit'
import type { Principal } from './principal'

// A type alias, not an interface: Elysia's derive needs a Record-compatible shape.
type AuthState = {
  principal: Principal | null
  /** Why `principal` is null when a route needs one: missing, invalid or expired token. */
  authFailure: AppError | null
}

// Built once: most requests to public routes are anonymous, and an Error captures a stack when constructed.
const missingToken = CommonErrors.invalidToken('Authentication required')

async function authenticate(request: Request, verify: AccessTokenVerifier): Promise<AuthState> {
  const header = request.headers.get('authorization')
  if (!header) return { principal: null, authFailure: missingToken }
  const token = /^Bearer (\S+)$/i.exec(header.trim())?.[1]
  if (!token) return { principal: null, authFailure: CommonErrors.invalidToken('Malformed Authorization header') }
  try {
    return { principal: await verify(token), authFailure: null }
  } catch (error) {
    if (error instanceof AppError) return { principal: null, authFailure: error }
    throw error
  }
}

function requirePrincipal({ principal, authFailure }: AuthState): Principal {
  if (principal) return principal
  throw authFailure ?? CommonErrors.invalidToken()
}

function requireRole(state: AuthState, roles: string[]): Principal {
  const principal = requirePrincipal(state)
  if (!roles.some((role) => principal.roles.includes(role))) throw CommonErrors.forbidden()
  return principal
}

/**
 * Verifies `Authorization: Bearer` access tokens with auth's JWKS. Derives `principal` (null when anonymous) on
 * every route; `{ auth: true }` requires a caller (401), `{ role: 'ADMIN' }` a role too (403), and both give
 * handlers a non-null `user`. Checks run before body validation, so an anonymous caller learns nothing of it.
 */
export function jwtAuth(options: JwtAuthOptions) {
  const verify = accessTokenVerifier(options)
  // Named with a seed so the same auth used by several route plugins runs once per request.
  const seed = 'jwksUrl' in options ? `${options.jwksUrl}|${options.issuer}|${options.audience}` : Bun.randomUUIDv7()
  return new Elysia({ name: '@commerce/platform/jwt-auth', seed })
    .use(httpKit)
    .derive({ as: 'global' }, ({ request }) => authenticate(request, verify))
    .macro({
      auth: {
        transform: (state) => void requirePrincipal(state),
        resolve: (state) => ({ user: requirePrincipal(state) }),
      },
      role: (role: string | string[]) => {
        const roles = Array.isArray(role) ? role : [role]
        return {
          transform: (state) => void requireRole(state, roles),
          resolve: (state) => ({ user: requireRole(state, roles) }),
        }
      },
    })
}
