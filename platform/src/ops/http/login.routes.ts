import { Elysia, t } from 'elysia'
import { CommonErrors } from '../../http/common-errors'
import { httpKit } from '../../http/http-kit'
import type { OpsDeps } from '../deps'

/**
 * The console's login form, proxied to auth's login (through the gateway): the page stays same-origin, so the gateway
 * needs no CORS entry for it. Only the access token goes back: the page keeps it in memory and never refreshes.
 */
export const loginRoutes = (deps: OpsDeps) =>
  new Elysia().use(httpKit).post(
    '/api/ops/login',
    async ({ body, requestId }) => {
      let response: Response
      try {
        response = await fetch(deps.loginUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-request-id': requestId },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(deps.timeoutMs),
        })
      } catch (error) {
        throw CommonErrors.unavailable('Login is unavailable', { cause: error })
      }
      const answer = (await response.json()) as { data?: { refreshToken?: unknown } }
      if (answer.data) delete answer.data.refreshToken
      return new Response(JSON.stringify(answer), {
        status: response.status,
        headers: { 'content-type': 'application/json' },
      })
    },
    {
      body: t.Object({ email: t.String({ maxLength: 320 }), password: t.String({ maxLength: 200 }) }),
      detail: { summary: "The console's login: auth's login, answering the access token only" },
    },
  )
