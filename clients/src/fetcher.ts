import { EXPIRED_TOKEN, type Session } from './session'

/** Which calls get an `Idempotency-Key` when the caller gave none. */
export type NeedsIdempotencyKey = (call: { method: string; path: string }) => boolean

/**
 * The creating calls (SPEC §3: register, addresses, cart items, checkout, orders, payment confirm and refund, stock
 * adjust, catalog admin creates): every POST except the session calls under /api/auth and the bulk stock read.
 */
export const creatingCall: NeedsIdempotencyKey = ({ method, path }) =>
  method === 'POST' && !path.startsWith('/api/auth/') && path !== '/api/inventories/bulk'

interface FetcherOptions {
  session: Session
  fetch: typeof fetch
  needsIdempotencyKey: NeedsIdempotencyKey
  newKey: () => string
}

const COMMON_401 = 401

async function codeOf(response: Response): Promise<string | undefined> {
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => undefined)
  return (body as { error?: { code?: unknown } } | undefined)?.error?.code as string | undefined
}

/**
 * The fetch Eden Treaty calls through: adds `Authorization` from the session and an `Idempotency-Key` on creating
 * calls (both only when the caller did not set them), and on 401 `COMMON-401-002` (access token expired) refreshes
 * once and sends the same request (same key) once more. A second 401 is answered to the caller as it is.
 */
export function sessionFetch(options: FetcherOptions): typeof fetch {
  const send = async (input: Parameters<typeof fetch>[0], init: RequestInit = {}) => {
    const isRequest = typeof input === 'object' && 'method' in input
    const url = typeof input === 'string' ? input : isRequest ? input.url : input.href
    const method = (init.method ?? (isRequest ? input.method : 'GET')).toUpperCase()
    const path = new URL(url).pathname
    const headers = new Headers(init.headers ?? (isRequest ? input.headers : undefined))
    if (options.needsIdempotencyKey({ method, path }) && !headers.has('idempotency-key')) {
      headers.set('idempotency-key', options.newKey())
    }
    const callerAuthorized = headers.has('authorization')
    const attempt = () => {
      const tokens = options.session.tokens
      if (!callerAuthorized && tokens) headers.set('authorization', `Bearer ${tokens.accessToken}`)
      return options.fetch(input, { ...init, headers })
    }
    const first = await attempt()
    if (first.status !== COMMON_401 || callerAuthorized || !options.session.loggedIn) return first
    if ((await codeOf(first)) !== EXPIRED_TOKEN) return first
    if (!(await options.session.refresh())) return first
    return attempt()
  }
  return Object.assign(send, { preconnect: fetch.preconnect }) as typeof fetch
}
