import type { Logger } from '@commerce/platform/log'
import { createServiceClient, ServiceUnavailable } from '@commerce/platform/service-client'
import { inSpan, SpanKind } from '@commerce/platform/tracing'
import { pgRequestDuration } from '../use-cases/metrics'

/** The part of Toss' `Payment` object the payment service reads. */
export interface PgPayment {
  paymentKey: string
  orderId: string
  status: string
  totalAmount: number
  balanceAmount: number
  approvedAt: string
  lastTransactionKey: string
}

/**
 * What a PG call came to. `approved`/`cancelled`: done, with the PG's record. `refused`: the PG answered no (a 4xx,
 * e.g. REJECT_CARD_PAYMENT): nothing happened. `unknown`: no answer (timeout, 5xx past the retries, breaker open) —
 * it may or may not have happened; the caller finds out by `inquire`, never by guessing.
 */
export type PgOutcome =
  | { kind: 'done'; payment: PgPayment }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'unknown'; reason: string }

/** The PG calls, as `payment_pg_request_duration_seconds` labels them. */
type PgOperation = 'confirm' | 'cancel' | 'inquiry'

/** The caller's `traceparent`: the PG call's span is its child. */
type Traced = { traceparent?: string | undefined }

export interface TossOptions {
  baseUrl: string
  /** Sent as `Basic base64(secretKey + ':')`, as Toss wants it. */
  secretKey: string
  /** Per attempt; the whole call is bounded by 3 attempts. */
  timeoutMs: number
  logger: Logger
}

const asOutcome = (answer: { status: number; body: unknown }): PgOutcome => {
  if (answer.status < 300) return { kind: 'done', payment: answer.body as PgPayment }
  const body = (answer.body ?? {}) as { code?: string; message?: string }
  return { kind: 'refused', code: body.code ?? `HTTP_${answer.status}`, message: body.message ?? '' }
}

/**
 * The Toss Payments v1 client (SPEC §1): the PG sandbox locally, Toss itself by changing `baseUrl` and `secretKey`.
 * Every write carries an Idempotency-Key, so the platform client's retries after a timeout or a 5xx reach the PG's
 * stored answer instead of charging twice.
 */
export function tossGateway(options: TossOptions) {
  const client = createServiceClient({
    name: 'pg',
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    retries: 2,
    logger: options.logger,
  })
  const headers = { authorization: `Basic ${btoa(`${options.secretKey}:`)}` }
  const outcomeOf = async (call: () => Promise<{ status: number; body: unknown }>): Promise<PgOutcome> => {
    try {
      return asOutcome(await call())
    } catch (error) {
      if (error instanceof ServiceUnavailable) return { kind: 'unknown', reason: error.reason }
      throw error
    }
  }
  type Call = (meta: { traceparent?: string }) => Promise<{ status: number; body: unknown }>
  const measured = async (operation: PgOperation, call: () => Promise<{ status: number; body: unknown }>) => {
    const started = performance.now()
    let outcome = 'error'
    try {
      const result = await outcomeOf(call)
      outcome = result.kind
      return result
    } finally {
      pgRequestDuration.observe({ operation, outcome }, (performance.now() - started) / 1000)
    }
  }
  // One span per PG operation (`pg confirm`), its outcome an attribute; the client's HTTP span sits below it.
  const guarded = (operation: PgOperation, traceparent: string | undefined, call: Call): Promise<PgOutcome> => {
    const span = {
      name: `pg ${operation}`,
      kind: SpanKind.CLIENT,
      parent: traceparent,
      attributes: () => ({ 'pg.operation': operation }),
    }
    return inSpan(span, async (started, inner) => {
      const outcome = await measured(operation, () => call(inner ? { traceparent: inner } : {}))
      started?.setAttribute('pg.outcome', outcome.kind)
      return outcome
    })
  }
  return {
    /** Charges `amount` for `orderNo` (Toss' `orderId`) once per `idempotencyKey`. */
    confirm: (input: { paymentKey: string; orderNo: string; amount: number; idempotencyKey: string } & Traced) =>
      guarded('confirm', input.traceparent, (meta) =>
        client.raw('POST', '/v1/payments/confirm', {
          meta,
          headers,
          idempotencyKey: input.idempotencyKey,
          body: { paymentKey: input.paymentKey, orderId: input.orderNo, amount: input.amount },
        }),
      ),
    /** Cancels `amount` (all of the balance when absent) once per `idempotencyKey`. */
    cancel: (input: { paymentKey: string; reason: string; amount?: number; idempotencyKey: string } & Traced) =>
      guarded('cancel', input.traceparent, (meta) =>
        client.raw('POST', `/v1/payments/${encodeURIComponent(input.paymentKey)}/cancel`, {
          meta,
          headers,
          idempotencyKey: input.idempotencyKey,
          body:
            input.amount === undefined
              ? { cancelReason: input.reason }
              : { cancelReason: input.reason, cancelAmount: input.amount },
        }),
      ),
    /** The PG's record of `orderNo`: `done` with the payment, `refused` NOT_FOUND_PAYMENT when nothing was charged. */
    inquire: (orderNo: string, traceparent?: string) =>
      guarded('inquiry', traceparent, (meta) =>
        client.raw('GET', `/v1/payments/orders/${encodeURIComponent(orderNo)}`, { meta, headers }),
      ),
  }
}

export type TossGateway = ReturnType<typeof tossGateway>
