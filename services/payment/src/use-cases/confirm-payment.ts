import type { EventMeta } from '@commerce/contracts'
import {
  claimIdempotencyKey,
  findIdempotencyKey,
  type IdempotencyKeyRef,
  type StoredAnswer,
  storeIdempotentAnswer,
} from '@commerce/platform/db'
import { and, eq, isNull } from 'drizzle-orm'
import { idempotencyKeys } from '../db/schema'
import { type ConfirmAnswer, isFinalAnswer } from '../domain/confirm'
import { type Begun, beginConfirm, type ConfirmInput } from './begin-confirm'
import { storedAnswerOf } from './confirm-answer'
import type { PgDeps } from './deps'
import { driveApproval } from './drive-approval'
import { finishConfirm } from './finish-confirm'
import { workRefundSoon } from './work-refund'

/** The caller's Idempotency-Key: where its record lives and what request it belongs to. */
export interface KeyedRequest extends IdempotencyKeyRef {
  fingerprint: string
}

/** How a confirm ended: an answer (to send, and to keep under the key when final), or a stored answer to replay. */
export type ConfirmResult =
  | { kind: 'answer'; answer: ConfirmAnswer; paymentId: number }
  | { kind: 'not-ready' | 'not-found' | 'key-reused' }
  | { kind: 'replay'; stored: StoredAnswer }

class KeyTaken extends Error {}
class Unkept extends Error {
  readonly begun: Begun
  constructor(begun: Begun) {
    super('answer not kept under the key')
    this.begun = begun
  }
}

type Opened = { kind: 'begun'; begun: Begun } | { kind: 'done'; result: ConfirmResult }

// Transaction 1, with the key row claimed in it when there is a key: answers that are not final roll the claim back.
async function open(deps: PgDeps, at: { input: ConfirmInput; key?: KeyedRequest }, meta: EventMeta) {
  const { input, key } = at
  return deps.db.transaction(async (tx) => {
    if (key && !(await claimIdempotencyKey(tx, { ...key, now: meta.now }))) throw new KeyTaken()
    const begun = await beginConfirm(tx, input, meta)
    if (!key || begun.kind === 'drive') return begun
    if (begun.kind !== 'answer' || !isFinalAnswer(begun.answer)) throw new Unkept(begun)
    await storeIdempotentAnswer(tx, key, storedAnswerOf(begun.answer, begun.paymentId ?? 0))
    return begun
  })
}

// With a key: the first request runs; a repeat replays its answer, another body is refused, and one that finds the
// first still in flight joins its attempt (same paymentKey, same PG key) without the key.
async function begin(deps: PgDeps, at: { input: ConfirmInput; key?: KeyedRequest }, meta: EventMeta): Promise<Opened> {
  for (let tries = 0; ; tries++) {
    try {
      return { kind: 'begun', begun: await open(deps, at, meta) }
    } catch (error) {
      if (error instanceof Unkept) return { kind: 'begun', begun: error.begun }
      if (!(error instanceof KeyTaken) || !at.key) throw error
      const record = await findIdempotencyKey(deps.db, at.key)
      if (record && record.fingerprint !== at.key.fingerprint) return { kind: 'done', result: { kind: 'key-reused' } }
      if (record?.answer) return { kind: 'done', result: { kind: 'replay', stored: record.answer } }
      // In flight (or its holder rolled back: then claim again, a few times).
      if (record || tries >= 3)
        return { kind: 'begun', begun: await deps.db.transaction((tx) => beginConfirm(tx, at.input, meta)) }
    }
  }
}

/** The Idempotency-Key record of the request that started an attempt, if it had one. */
export const requestOf = (attempt: { requestScope: string | null; requestKey: string | null }) =>
  attempt.requestScope && attempt.requestKey ? { scope: attempt.requestScope, key: attempt.requestKey } : null

// The attempt's request key gets the final answer; an unknown outcome frees the key (a 503 is not kept).
export async function settleKey(
  db: PgDeps['db'],
  at: { request: IdempotencyKeyRef | null; answer: ConfirmAnswer; paymentId: number },
) {
  const { request } = at
  if (!request) return
  if (isFinalAnswer(at.answer)) {
    await db.transaction((tx) => storeIdempotentAnswer(tx, request, storedAnswerOf(at.answer, at.paymentId)))
    return
  }
  const ofRequest = and(eq(idempotencyKeys.scope, request.scope), eq(idempotencyKeys.key, request.key))
  await db.delete(idempotencyKeys).where(and(ofRequest, isNull(idempotencyKeys.status)))
}

/**
 * POST /api/payments/confirm (SPEC §4): transaction 1 records the attempt, the PG is called with no transaction open,
 * transaction 2 applies the outcome (finishConfirm). Never charges twice: one attempt per payment at a time, one PG
 * Idempotency-Key per attempt, reused by every joiner and by the settle job.
 */
export async function confirmPayment(
  deps: PgDeps,
  at: { input: ConfirmInput; key?: KeyedRequest },
  meta: EventMeta,
): Promise<ConfirmResult> {
  const input = at.key ? { ...at.input, request: { scope: at.key.scope, key: at.key.key } } : at.input
  const opened = await begin(deps, { ...at, input }, meta)
  if (opened.kind === 'done') return opened.result
  const { begun } = opened
  if (begun.kind !== 'drive') {
    return begun.kind === 'answer' ? { kind: 'answer', answer: begun.answer, paymentId: begun.paymentId ?? 0 } : begun
  }
  const { attempt } = begun
  const traced = meta.traceparent ? { traceparent: meta.traceparent } : {}
  const resolution = await driveApproval(deps.gateway, { ...attempt, orderNo: begun.orderNo, ...traced })
  const finished = await deps.db.transaction((tx) => finishConfirm(tx, { attemptId: attempt.id, resolution }, meta))
  if (finished.refundId) void workRefundSoon(deps, finished.refundId, meta.traceparent)
  await settleKey(deps.db, { request: requestOf(attempt), ...finished })
  return { kind: 'answer', answer: finished.answer, paymentId: finished.paymentId }
}
