import { CommonErrors, Envelope, type JwtAuthOptions, jwtAuth, ok, requestFingerprint } from '@commerce/platform/http'
import { and, eq } from 'drizzle-orm'
import { Elysia } from 'elysia'
import { payments } from '../db/schema'
import { PaymentErrors } from '../domain/errors'
import { approvedData, errorOf } from '../use-cases/confirm-answer'
import { type ConfirmResult, confirmPayment, type KeyedRequest } from '../use-cases/confirm-payment'
import type { PgDeps } from '../use-cases/deps'
import { ConfirmBody, ConfirmView, OrderParams, PaymentView } from './payment-schemas'

const keyPattern = /^[\x21-\x7e]{1,255}$/

function keyedRequest(at: { request: Request; userId: number; body: unknown }): KeyedRequest | undefined {
  const key = at.request.headers.get('idempotency-key')
  if (key === null) return undefined
  if (!keyPattern.test(key)) {
    throw CommonErrors.validation([
      { field: 'Idempotency-Key', value: key, reason: 'Expected 1-255 visible ASCII characters' },
    ])
  }
  const url = new URL(at.request.url)
  const target = url.pathname + url.search
  const fingerprint = requestFingerprint({ method: 'POST', target, userId: at.userId, body: at.body })
  return { scope: `user:${at.userId}`, key, fingerprint }
}

// The confirm's result as the response: 200, a thrown PAYMENT error, or the answer kept under the key.
function respond(result: ConfirmResult) {
  switch (result.kind) {
    case 'not-ready':
      throw PaymentErrors.notReady()
    case 'not-found':
      throw PaymentErrors.notFound()
    case 'key-reused':
      throw CommonErrors.idempotencyKeyReused()
    case 'replay': {
      const { status, contentType, body } = result.stored
      return new Response(body, { status, headers: { 'content-type': contentType, 'idempotent-replayed': 'true' } })
    }
    case 'answer': {
      const error = errorOf(result.answer)
      if (error) throw error
      return ok(approvedData(result.paymentId))
    }
    default:
      return result satisfies never
  }
}

/**
 * The buyer's payment (SPEC §4 payment): its read, and the confirm after the PG's payment window (Toss success
 * redirect). Owner only: another user's order is 404 (PAYMENT-404-001), as if it did not exist.
 */
export const paymentRoutes = (deps: PgDeps & { auth: JwtAuthOptions }) =>
  new Elysia({ prefix: '/api/payments', detail: { tags: ['payments'] } })
    .use(jwtAuth(deps.auth))
    .get(
      '/orders/:orderId',
      async ({ params: { orderId }, user }) => {
        const [row] = await deps.db
          .select({
            paymentId: payments.paymentId,
            orderId: payments.orderId,
            amount: payments.amount,
            status: payments.status,
          })
          .from(payments)
          .where(and(eq(payments.orderId, orderId), eq(payments.userId, user.userId)))
        if (!row) throw PaymentErrors.notFound()
        return ok(row)
      },
      {
        auth: true,
        params: OrderParams,
        response: { 200: Envelope(PaymentView) },
        detail: { summary: "The order's payment (404 until the saga created it, or when it is not the caller's)" },
      },
    )
    .post(
      '/confirm',
      async ({ body, user, meta, request }) => {
        const key = keyedRequest({ request, userId: user.userId, body })
        const input = { userId: user.userId, ...body }
        const result = await confirmPayment(deps, key ? { input, key } : { input }, meta)
        return respond(result) as ReturnType<typeof ok<ReturnType<typeof approvedData>>>
      },
      {
        auth: true,
        body: ConfirmBody,
        response: { 200: Envelope(ConfirmView) },
        detail: {
          summary:
            'Confirms the payment at the PG: 200 APPROVED; 422 PAYMENT-422-001 declined, -003 amount; 409 PAYMENT-409-004 not ready yet; Idempotency-Key honoured',
        },
      },
    )
