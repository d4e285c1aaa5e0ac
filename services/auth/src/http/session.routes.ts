import { AppError, Envelope, httpKit, NonEmptyText, ok } from '@commerce/platform/http'
import { Elysia, t } from 'elysia'
import { normalizeEmail } from '../domain/credential'
import { AuthErrors } from '../domain/errors'
import { signAccessToken } from '../use-cases/access-token'
import { logOut } from '../use-cases/log-out'
import { logIn, type SessionDeps } from '../use-cases/login'
import { rotateRefreshToken } from '../use-cases/rotate-refresh-token'
import { currentSigner } from '../use-cases/signing-keys'
import { clientAddress, type ProxyTrust, refreshCookie, refreshTokenFromCookie } from './client'

const TokenPair = t.Object({ accessToken: t.String(), refreshToken: t.String(), expiresIn: t.Integer() })
const LoginBody = t.Object({ email: NonEmptyText(320), password: NonEmptyText(72) })
// Refresh and logout may carry the token in the body or only in the cookie.
const RefreshBody = t.Optional(t.Object({ refreshToken: t.Optional(NonEmptyText(128)) }))

/** Everything the session routes need: login's deps plus whether (and from whom) to trust X-Forwarded-For. */
export type SessionRouteDeps = SessionDeps & { proxyTrust: ProxyTrust }

type Headers = Record<string, string | number>

/** `POST /api/auth/login`, `/refresh`, `/logout` (SPEC §4). */
export const sessionRoutes = (deps: SessionRouteDeps) => {
  const cookieMaxAgeS = Math.floor(deps.refreshTtlMs / 1000)
  const withCookie = (headers: Headers, token: string) => {
    headers['set-cookie'] = refreshCookie(token, cookieMaxAgeS)
  }
  return new Elysia({ prefix: '/api/auth', detail: { tags: ['auth'] } })
    .use(httpKit)
    .post(
      '/login',
      async ({ body, request, server, set }) => {
        const attempt = {
          email: normalizeEmail(body.email),
          password: body.password,
          ip: clientAddress(request, server, deps.proxyTrust),
          userAgent: request.headers.get('user-agent'),
        }
        try {
          const pair = await logIn(deps, attempt)
          withCookie(set.headers, pair.refreshToken)
          return ok(pair)
        } catch (error) {
          if (error instanceof AppError && error.code === 'AUTH-429-001') {
            set.headers['retry-after'] = error.details?.match(/\d+/)?.[0] ?? '1'
          }
          throw error
        }
      },
      { body: LoginBody, response: Envelope(TokenPair) },
    )
    .post(
      '/refresh',
      async ({ body, request, set, meta }) => {
        const token = body?.refreshToken ?? refreshTokenFromCookie(request)
        if (!token) throw AuthErrors.invalidRefreshToken()
        const input = { token, refreshTtlMs: deps.refreshTtlMs }
        // A replay's revocation commits with this transaction; the 401 is answered after it.
        const outcome = await deps.db.transaction((tx) => rotateRefreshToken(tx, input, meta.now))
        if (outcome.kind !== 'rotated') throw AuthErrors.invalidRefreshToken()
        const accessToken = await signAccessToken(
          await currentSigner(deps.db, deps.token.kek),
          outcome.claims,
          deps.token,
        )
        withCookie(set.headers, outcome.refreshToken)
        return ok({ accessToken, refreshToken: outcome.refreshToken, expiresIn: deps.token.ttlS })
      },
      { body: RefreshBody, response: Envelope(TokenPair) },
    )
    .post(
      '/logout',
      async ({ body, request, set, meta }) => {
        const token = body?.refreshToken ?? refreshTokenFromCookie(request)
        if (token) await deps.db.transaction((tx) => logOut(tx, token, meta.now))
        set.headers['set-cookie'] = refreshCookie('', 0)
        return ok({ loggedOut: true as const })
      },
      { body: RefreshBody, response: Envelope(t.Object({ loggedOut: t.Literal(true) })) },
    )
}
