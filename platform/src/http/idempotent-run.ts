import { driverCode, isTransientDbError } from '../db/errors'
import {
  claimIdempotencyKey,
  findIdempotencyKey,
  type IdempotencyKeyRef,
  type StoredAnswer,
  storeIdempotentAnswer,
} from '../db/idempotency-keys'
import { tracedTransaction } from '../db/traced-transaction'
import type { Db, Tx } from '../db/types'
import type { Logger } from '../log/index'
import { AppError } from './app-error'
import { CommonErrors } from './common-errors'
import { errorBody } from './envelope'
import { bodyOf, statusCodeOf } from './status-code'

type Schema = Record<string, unknown>

/** Status and error code of an answer, what a route's `retryable` rule looks at. */
export interface Answer {
  status: number
  code?: string
}

/** One keyed request: where its record lives, what identifies it, and which answers are final. */
export interface KeyedRun<S extends Schema> {
  db: Db<S>
  ref: IdempotencyKeyRef
  fingerprint: string
  isFinal: (answer: Answer) => boolean
  /** The handler's `set.status` when it returns a bare body. */
  setStatus: () => number | string | undefined
  logger: Logger
  /** The request's `traceparent`: the transaction's span is its child. */
  traceparent?: string
}

// Control flow out of a transaction callback: throwing is the only way to roll it back.
class KeyTaken extends Error {}
class NotFinal extends Error {
  readonly result: unknown
  constructor(result: unknown) {
    super('not final')
    this.result = result
  }
}
class ClaimContended extends Error {}

const claimAttempts = 5

function serialize(result: unknown, status: number): Promise<StoredAnswer> | StoredAnswer {
  const body = bodyOf(result)
  if (body instanceof Response) {
    const contentType = body.headers.get('content-type') ?? 'text/plain;charset=utf-8'
    return body
      .clone()
      .text()
      .then((text) => ({ status, contentType, body: text }))
  }
  if (typeof body === 'string') return { status, contentType: 'text/plain;charset=utf-8', body }
  return { status, contentType: 'application/json', body: JSON.stringify(body ?? null) }
}

function codeOf(result: unknown): string | undefined {
  const body = bodyOf(result) as { success?: unknown; error?: { code?: unknown } } | null
  const code = body && typeof body === 'object' && body.success === false ? body.error?.code : undefined
  return typeof code === 'string' ? code : undefined
}

/** The stored answer as a response; `replayed` marks answers sent before (`Idempotent-Replayed: true`). */
function respond(answer: StoredAnswer, replayed: boolean): Response {
  const headers: Record<string, string> = { 'content-type': answer.contentType }
  if (replayed) headers['idempotent-replayed'] = 'true'
  return new Response(answer.body, { status: answer.status, headers })
}

async function attempt<S extends Schema, T>(run: KeyedRun<S>, fn: (tx: Tx<S>) => Promise<T>): Promise<T> {
  return tracedTransaction(run.db, run.traceparent, async (tx) => {
    const claimed = await claimIdempotencyKey(tx, { ...run.ref, fingerprint: run.fingerprint, now: new Date() }).catch(
      (error: unknown) => {
        throw isTransientDbError(error) ? new ClaimContended('claim contended', { cause: error }) : error
      },
    )
    if (!claimed) throw new KeyTaken()
    const result = await fn(tx)
    const status = statusCodeOf(result, run.setStatus())
    if (!run.isFinal({ status, code: codeOf(result) })) throw new NotFinal(result)
    await storeIdempotentAnswer(tx, run.ref, await serialize(result, status))
    return result
  })
}

// The key is held by a committed request: same request → its answer, another request → 422.
async function replay<S extends Schema>(run: KeyedRun<S>): Promise<Response | undefined> {
  const record = await findIdempotencyKey(run.db, run.ref)
  if (!record) return undefined
  if (record.fingerprint !== run.fingerprint) throw CommonErrors.idempotencyKeyReused()
  if (!record.answer) throw CommonErrors.conflict('A request with this Idempotency-Key is in progress')
  return respond(record.answer, true)
}

/**
 * For a route that calls out before its transaction (order asks catalog first): the answer already kept under the key
 * for this very request, replayed without calling out again; another request with the key is 422; none yet (or one
 * still running) is undefined, and `runKeyed` takes it from there.
 */
export async function storedReplay<S extends Schema>(run: KeyedRun<S>): Promise<Response | undefined> {
  const record = await findIdempotencyKey(run.db, run.ref)
  if (!record) return undefined
  if (record.fingerprint !== run.fingerprint) throw CommonErrors.idempotencyKeyReused()
  return record.answer ? respond(record.answer, true) : undefined
}

// A final error rolled its effect back; its answer is kept in a short transaction of its own.
async function storeError<S extends Schema>(run: KeyedRun<S>, error: AppError): Promise<Response> {
  const answer = { status: error.status, contentType: 'application/json', body: JSON.stringify(errorBody(error)) }
  try {
    const stored = await run.db.transaction(async (tx) => {
      const claimed = await claimIdempotencyKey(tx, { ...run.ref, fingerprint: run.fingerprint, now: new Date() })
      if (claimed) await storeIdempotentAnswer(tx, run.ref, answer)
      return claimed
    })
    return stored ? respond(answer, false) : ((await replay(run)) ?? respond(answer, false))
  } catch (cause) {
    run.logger.warn('could not store an idempotent error answer', { code: error.code, error: cause })
    throw error
  }
}

/**
 * Runs `fn` in a transaction that first inserts the key row and finally stores the answer, so the effect and its
 * record commit together. Concurrent requests with the key wait for the first to end, then replay its answer (or
 * run, if it rolled back). Answers that are not final roll back and are returned unstored.
 */
export async function runKeyed<S extends Schema, T>(
  run: KeyedRun<S>,
  fn: (tx: Tx<S>) => Promise<T>,
): Promise<T | Response> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt(run, fn)
    } catch (error) {
      if (error instanceof NotFinal) return error.result as T
      if (error instanceof KeyTaken) {
        const replayed = await replay(run)
        if (replayed) return replayed
        if (tries >= claimAttempts) throw CommonErrors.conflict('A request with this Idempotency-Key is in progress')
      } else if (error instanceof ClaimContended) {
        // Waiters on a key whose holder rolled back can deadlock on their inserts; InnoDB picks a victim to retry.
        if (driverCode(error.cause) === 'ER_LOCK_WAIT_TIMEOUT')
          throw CommonErrors.conflict('A request with this Idempotency-Key is in progress')
        if (tries >= claimAttempts) throw error.cause
      } else if (error instanceof AppError && run.isFinal(error)) {
        return storeError(run, error)
      } else {
        throw error
      }
    }
  }
}
