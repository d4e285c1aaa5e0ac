import { Elysia } from 'elysia'
import { tracedTransaction } from '../db/traced-transaction'
import type { Db, Tx } from '../db/types'
import { CommonErrors } from './common-errors'
import { requestFingerprint } from './fingerprint'
import { httpKit } from './http-kit'
import { type Answer, runKeyed, storedReplay } from './idempotent-run'
import type { Principal } from './principal'

type Schema = Record<string, unknown>

const keyPattern = /^[\x21-\x7e]{1,255}$/

/**
 * Which answers of a route are final, i.e. kept and replayed. 5xx, 401, 403, 408 and 429 never are (a retry after
 * our outage, a pause or a fresh token may succeed); 2xx, 3xx and other 4xx are, unless listed here: a "not yet"
 * answer such as `PAYMENT-409-004` that a retry with the same key may turn into a success.
 */
export interface IdempotentRoute {
  retryable?: string[] | ((answer: Answer) => boolean)
}

const neverFinal = (status: number) =>
  status >= 500 || status === 401 || status === 403 || status === 408 || status === 429

function finality(route: true | IdempotentRoute): (answer: Answer) => boolean {
  const retryable = route === true ? undefined : route.retryable
  if (retryable === undefined) return (answer) => !neverFinal(answer.status)
  const isRetryable =
    typeof retryable === 'function' ? retryable : (answer: Answer) => retryable.includes(answer.code ?? '')
  return (answer) => !neverFinal(answer.status) && !isRetryable(answer)
}

function keyOf(request: Request): string | undefined {
  const key = request.headers.get('idempotency-key')
  if (key === null) return undefined
  if (!keyPattern.test(key)) {
    throw CommonErrors.validation([
      { field: 'Idempotency-Key', value: key, reason: 'Expected 1-255 visible ASCII characters' },
    ])
  }
  return key
}

/** Runs a route's effect in one transaction; with an Idempotency-Key, at most once per caller and key. */
export type Idempotently<S extends Schema> = <T>(fn: (tx: Tx<S>) => Promise<T>) => Promise<T | Response>

/** The answer already kept for this request's key, if any (see storedReplay); undefined without a key. */
export type AlreadyAnswered = () => Promise<Response | undefined>

/**
 * `{ idempotent: true }` (or `{ idempotent: { retryable: [...] } }`) on a route that creates something gives its
 * handler `idempotently(fn)`: it opens a transaction, and with an `Idempotency-Key` header first inserts the key row
 * (unique per caller scope and key) in it, runs `fn(tx)`, and stores the final answer in the same transaction
 * (SPEC §3). The same key and request replay that answer (`Idempotent-Replayed: true`), another request with the key
 * is 422 COMMON-422-001, a concurrent one waits and replays. Return the whole answer (`status(201, ok(…))`) from `fn`.
 * A route that calls another service before its transaction asks `alreadyAnswered()` first, so a retry of a request
 * already answered is replayed even while that service is down.
 */
export const idempotency = <S extends Schema>(options: { db: Db<S> }) =>
  new Elysia()
    .use(httpKit)
    // Anonymous unless jwtAuth's derive (which runs later, per request) sets the caller.
    .decorate('principal', null as Principal | null)
    .macro({
      idempotent: (route: true | IdempotentRoute) => ({
        resolve: ({ request, body, principal, set, kit, traceparent }) => {
          const key = keyOf(request)
          const { db } = options
          if (key === undefined) {
            const alreadyAnswered: AlreadyAnswered = async () => undefined
            const idempotently = ((fn) => tracedTransaction(db, traceparent, fn)) as Idempotently<S>
            return { idempotently, alreadyAnswered }
          }
          const userId = principal?.userId ?? null
          const url = new URL(request.url)
          const target = url.pathname + url.search
          const fingerprint = requestFingerprint({ method: request.method, target, userId, body })
          const scope = userId === null ? 'anon' : `user:${userId}`
          const run = {
            db,
            fingerprint,
            isFinal: finality(route),
            setStatus: () => set.status,
            logger: kit().logger,
            traceparent,
          }
          const idempotently: Idempotently<S> = (fn) => runKeyed({ ...run, ref: { scope, key } }, fn)
          const alreadyAnswered: AlreadyAnswered = () => storedReplay({ ...run, ref: { scope, key } })
          return { idempotently, alreadyAnswered }
        },
      }),
    })
