import { Elysia } from 'elysia'
import { createLogger } from '../log/index'
import type { Claim, IdempotencyStore, StoredResponse } from '../redis/idempotency-store'
import { CommonErrors } from './common-errors'
import { requestFingerprint } from './fingerprint'
import { httpKit } from './http-kit'
import { principalOf } from './principal'
import { type FinalResponse, finalizeResponse, onFinalResponse } from './response-hooks'
import { bodyOf, statusCodeOf } from './status-code'

const log = createLogger({ component: 'idempotency' })
const keyPattern = /^[\x21-\x7e]{1,255}$/
// Not outcomes of the request itself: a retry with a fixed token, after a pause, or after our outage may run.
const retryable = (status: number) => status >= 500 || [401, 403, 408, 429].includes(status)

async function serialize({ status, body }: FinalResponse): Promise<StoredResponse> {
  if (body instanceof Response) {
    return { status, body: await body.clone().text(), contentType: body.headers.get('content-type') ?? 'text/plain' }
  }
  if (typeof body === 'string') return { status, body, contentType: 'text/plain;charset=utf-8' }
  return { status, body: JSON.stringify(body ?? null), contentType: 'application/json;charset=utf-8' }
}

async function settle(store: IdempotencyStore, claim: Claim, response: FinalResponse): Promise<void> {
  try {
    if (retryable(response.status)) await store.release(claim)
    else await store.complete(claim, await serialize(response))
  } catch (error) {
    // The effect already happened; answer it. The in-flight claim expires and a late retry would run again.
    log.error('could not record idempotent response', { key: claim.key, error })
  }
}

const replay = (stored: StoredResponse) =>
  new Response(stored.body, {
    status: stored.status,
    headers: { 'content-type': stored.contentType, 'idempotent-replayed': 'true' },
  })

async function begin(store: IdempotencyStore, request: Request, body: unknown): Promise<Response | undefined> {
  const key = request.headers.get('idempotency-key')
  if (key === null) return undefined
  if (!keyPattern.test(key)) {
    throw CommonErrors.validation([
      { field: 'Idempotency-Key', value: key, reason: 'Expected 1-255 visible ASCII characters' },
    ])
  }
  const userId = principalOf(request)?.userId ?? null
  const url = new URL(request.url)
  const fingerprint = requestFingerprint({ method: request.method, target: url.pathname + url.search, userId, body })
  const scope = userId === null ? 'anon' : `user:${userId}`
  const found = await store.claim(`${scope}:${key}`, fingerprint).catch((cause: unknown) => {
    throw CommonErrors.unavailable('Idempotency store unavailable', { cause })
  })
  if (found.kind === 'claimed') {
    onFinalResponse(request, (response) => settle(store, found.claim, response))
    return undefined
  }
  if (found.fingerprint !== fingerprint) throw CommonErrors.idempotencyKeyReused()
  if (found.kind === 'in-flight') throw CommonErrors.conflict('A request with this Idempotency-Key is in progress')
  return replay(found.response)
}

/**
 * `{ idempotent: true }` on a route that creates something: with an `Idempotency-Key` header, the first request
 * runs and its answer (2xx-4xx) is kept for 24 h; the same key and request replay it (`Idempotent-Replayed: true`),
 * the same key with another request is 422 COMMON-422-001, and a key whose request is still running is 409 COMMON-409.
 * Keys are scoped per user; without the header the route runs normally. Error answers are captured by httpKit's
 * onError, which this plugin brings along.
 */
export const idempotency = (store: IdempotencyStore) =>
  new Elysia().use(httpKit).macro({
    idempotent: {
      beforeHandle: ({ request, body }) => begin(store, request, body),
      afterHandle: async ({ request, responseValue, set }) => {
        await finalizeResponse(request, {
          status: statusCodeOf(responseValue, set.status),
          body: bodyOf(responseValue),
        })
      },
    },
  })
