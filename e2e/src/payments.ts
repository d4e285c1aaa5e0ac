import { type Actor, call, dataOf, type Reply, waitFor } from './client'
import { e2eConfig } from './config'

const { urls } = e2eConfig

export type PaymentStatus = 'READY' | 'APPROVED' | 'FAILED' | 'CANCELED' | 'PARTIALLY_REFUNDED' | 'REFUNDED'

/** `GET /api/payments/orders/{orderId}` (SPEC §4). */
export interface PaymentView {
  paymentId: number
  orderId: number
  amount: number
  status: PaymentStatus
}

export const getPayment = (actor: Actor, orderId: number) =>
  call(`${urls.payment}/api/payments/orders/${orderId}`, { token: actor.token })

/** The payment's status, or 404 while the saga has not created one (or never will). */
export async function paymentStatus(actor: Actor, orderId: number): Promise<PaymentStatus | 404> {
  const reply = await getPayment(actor, orderId)
  return reply.status === 404 ? 404 : dataOf<PaymentView>(reply, 200, `read payment of order ${orderId}`).status
}

/** Waits until the order's payment is in one of `wanted` (404 counts as "not there yet"). */
export const paymentReaches = (actor: Actor, orderId: number, wanted: PaymentStatus[]) =>
  waitFor(
    async () => {
      const reply = await getPayment(actor, orderId)
      if (reply.status === 404) return false
      const payment = dataOf<PaymentView>(reply, 200, `read payment of order ${orderId}`)
      return wanted.includes(payment.status) && payment
    },
    `payment of order ${orderId} in ${wanted.join('|')}`,
  )

/** How the PG sandbox answers a confirm, chosen by the paymentKey's prefix (SPEC §4). */
export type PgOutcome = 'approve' | 'decline' | 'error' | 'slow'
const prefixes: Record<PgOutcome, string> = { approve: 'pk_', decline: 'fail_', error: 'error_', slow: 'slow_' }

/** A fresh paymentKey that makes the PG sandbox answer `outcome`. */
export const paymentKey = (outcome: PgOutcome = 'approve') => `${prefixes[outcome]}${crypto.randomUUID()}`

/** `POST /api/payments/confirm {orderId, paymentKey, amount}` as the client does after the PG widget's redirect. */
export const confirmPayment = (
  actor: Actor,
  body: { orderId: number; paymentKey: string; amount: number },
  key: string = crypto.randomUUID(),
): Promise<Reply> => call(`${urls.payment}/api/payments/confirm`, { method: 'POST', body, token: actor.token, key })

/** The PG's own record of an order (the Toss Payment object), or undefined when it never charged it. */
export interface PgRecord {
  paymentKey: string
  status: 'DONE' | 'CANCELED' | 'PARTIAL_CANCELED'
  totalAmount: number
  balanceAmount: number
  cancels: { cancelAmount: number }[] | null
}

/** The sandbox's inquiry read by our orderNo (Toss' orderId): what was really charged and cancelled. */
export async function pgRecord(orderNo: string): Promise<PgRecord | undefined> {
  const response = await fetch(`${urls.pgSandbox}/v1/payments/orders/${encodeURIComponent(orderNo)}`, {
    headers: { authorization: `Basic ${btoa(`${e2eConfig.PG_SANDBOX_SECRET_KEY}:`)}` },
  })
  if (response.status === 404) return undefined
  if (response.status !== 200) throw new Error(`PG inquiry for ${orderNo}: ${response.status} ${await response.text()}`)
  return (await response.json()) as PgRecord
}

/** What the PG holds of an order in one word: nothing charged, charged, partly or wholly given back. */
export async function pgState(orderNo: string): Promise<'none' | PgRecord['status']> {
  return (await pgRecord(orderNo))?.status ?? 'none'
}
