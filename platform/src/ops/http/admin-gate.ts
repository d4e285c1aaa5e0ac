import { Elysia } from 'elysia'
import { type AccessTokenVerifier, accessTokenVerifier, type JwtAuthOptions } from '../../http/access-token'
import { CommonErrors } from '../../http/common-errors'
import { httpKit } from '../../http/http-kit'

/** Paths under /api/ops/ need an ADMIN; the login form's proxy is the one way in without a token. */
const isGuarded = (path: string) => path.startsWith('/api/ops/') && path !== '/api/ops/login'

async function requireAdmin(request: Request, verify: AccessTokenVerifier): Promise<void> {
  const header = request.headers.get('authorization')
  if (!header) throw CommonErrors.invalidToken('Authentication required')
  const token = /^Bearer (\S+)$/i.exec(header.trim())?.[1]
  if (!token) throw CommonErrors.invalidToken('Malformed Authorization header')
  const principal = await verify(token)
  if (!principal.roles.includes('ADMIN')) throw CommonErrors.forbidden('The operator console is for administrators')
}

/**
 * One rule for every ops API route, the saga timeline plugin's included: an ADMIN access token (verified against
 * auth's JWKS like any service does), else 401 COMMON-401-001/-002 or 403 COMMON-403. Runs before body validation.
 */
export function adminGate(auth: JwtAuthOptions) {
  const verify = accessTokenVerifier(auth)
  return new Elysia().use(httpKit).onTransform({ as: 'global' }, async ({ request, path }) => {
    if (isGuarded(path)) await requireAdmin(request, verify)
  })
}
