import { type Treaty, treaty } from '@elysiajs/eden'
import type { Elysia } from 'elysia'
import { creatingCall, type NeedsIdempotencyKey, sessionFetch } from './fetcher'
import type { ApiRoutes } from './routes'
import { Session, type TokenStore } from './session'

export { type ErrorCode, errorCodes } from './error-codes'
export { ApiError, type ApiErrorBody, type ApiResult, type FieldError, NOT_AN_ENVELOPE } from './errors'
export { creatingCall, type NeedsIdempotencyKey } from './fetcher'
export { allPages, collectPages, type ItemOf, type Page, type PagingOptions } from './paging'
export { type DataOf, type EnvelopeData, errorOf, result, type TreatyAnswer, unwrap } from './result'
export type { ApiRoutes } from './routes'
export { EXPIRED_TOKEN, memoryTokenStore, Session, type TokenStore, type Tokens } from './session'
export { type WaitOptions, waitFor } from './wait'

/** The gateway's address when none is given (`npm run up` prints it). */
export const DEFAULT_BASE_URL = 'http://127.0.0.1:8080'

/** The whole platform as one Elysia app type: the gateway serves every service's routes under one base URL. */
// biome-ignore lint/suspicious/noExplicitAny: Eden reads only the route tree (the fifth parameter) of the app type
export type CommerceApp = Elysia<'', any, any, any, ApiRoutes>

/** The typed tree of calls: `client.api.products.get()`, `client.api.orders({ id }).get()`, … */
export type CommerceTreaty = Treaty.Create<CommerceApp>

/** How a client is made; everything is optional. */
export interface ClientOptions {
  /** The gateway (default `DEFAULT_BASE_URL`). */
  baseUrl?: string
  /** The fetch to send with (default the global one). */
  fetch?: typeof fetch
  /** Where the session keeps its tokens (default memory). */
  tokenStore?: TokenStore
  /** Which calls get an automatic `Idempotency-Key` (default `creatingCall`). */
  needsIdempotencyKey?: NeedsIdempotencyKey
  /** How a key is made (default `crypto.randomUUID()`). */
  newIdempotencyKey?: () => string
  /** Headers sent with every call (an `X-Request-Id`, say). */
  headers?: Record<string, string>
}

/** A client of the platform through its gateway: the typed call tree plus the member's session. */
export interface CommerceClient {
  /** Every public route under /api, typed from the services' own apps: answers are `{ data, error, status }`. */
  api: CommerceTreaty['api']
  /** Login, refresh, logout; its access token goes on every call. */
  session: Session
  /** The gateway this client talks to. */
  baseUrl: string
}

/** A client for the gateway at `options.baseUrl`. */
export function createClient(options: ClientOptions = {}): CommerceClient {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '')
  const baseFetch = options.fetch ?? globalThis.fetch.bind(globalThis)
  const session = new Session({ baseUrl, fetch: baseFetch, ...(options.tokenStore && { store: options.tokenStore }) })
  const fetcher = sessionFetch({
    session,
    fetch: baseFetch,
    needsIdempotencyKey: options.needsIdempotencyKey ?? creatingCall,
    newKey: options.newIdempotencyKey ?? (() => crypto.randomUUID()),
  })
  const tree: CommerceTreaty = treaty<CommerceApp>(baseUrl, {
    fetcher,
    ...(options.headers && { headers: options.headers }),
  })
  return { api: tree.api, session, baseUrl }
}
