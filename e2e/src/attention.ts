import { type Actor, call, dataOf, type Reply } from './client'
import { e2eConfig } from './config'
import type { OrderView } from './orders'

const { urls } = e2eConfig

/** One row of the operator's list (`GET /api/orders/needs-attention`). */
export interface AttentionRow {
  orderId: number
  orderNo: string
  status: string
  reason: string
  since: string
}

/** An order as the operator reads it (`GET /api/orders/{id}/attention`): the order, and why it waits (or null). */
export interface AttentionView extends OrderView {
  attention: { reason: string; since: string } | null
}

export const listNeedingAttention = (actor: Actor, size = 100): Promise<Reply> =>
  call(`${urls.order}/api/orders/needs-attention?page=0&size=${size}`, { token: actor.token })

/** The operator's list, every page, as rows (the stack may hold other runs' orders too). */
export async function attentionRows(admin: Actor): Promise<AttentionRow[]> {
  const rows: AttentionRow[] = []
  for (let page = 0; ; page++) {
    const reply = await call(`${urls.order}/api/orders/needs-attention?page=${page}&size=100`, { token: admin.token })
    const data = dataOf<{ items: AttentionRow[]; totalPages: number }>(reply, 200, 'list orders needing attention')
    rows.push(...data.items)
    if (page + 1 >= data.totalPages) return rows
  }
}

export const readAttention = async (admin: Actor, orderId: number) =>
  dataOf<AttentionView>(
    await call(`${urls.order}/api/orders/${orderId}/attention`, { token: admin.token }),
    200,
    `operator reads order ${orderId}`,
  )

/** `POST /api/orders/{id}/attention/retry`: 202 `{orderId, status: NEEDS_ATTENTION, retryRequestedAt}`. */
export const retryCompensation = (actor: Actor, orderId: number, key: string = crypto.randomUUID()) =>
  call(`${urls.order}/api/orders/${orderId}/attention/retry`, { method: 'POST', token: actor.token, key })

/** `POST /api/orders/{id}/attention/resolve {reason}`: 200 `{orderId, status: RESOLVED, resolvedBy, reason}`. */
export const resolveAttention = (
  actor: Actor,
  at: { orderId: number; reason?: string },
  key: string = crypto.randomUUID(),
) =>
  call(`${urls.order}/api/orders/${at.orderId}/attention/resolve`, {
    method: 'POST',
    token: actor.token,
    key,
    body: at.reason === undefined ? {} : { reason: at.reason },
  })

/** The PG sandbox's cancel fault for one paymentKey (its README): on, every refund of it fails; off, they work. */
export async function setCancelFails(paymentKey: string, on: boolean): Promise<void> {
  const response = await fetch(`${urls.pgSandbox}/sandbox/faults/${encodeURIComponent(paymentKey)}/cancel`, {
    method: on ? 'PUT' : 'DELETE',
    headers: { authorization: `Basic ${btoa(`${e2eConfig.PG_SANDBOX_SECRET_KEY}:`)}` },
  })
  const body = (await response.json()) as { on?: boolean }
  if (response.status !== 200 || body.on !== on) {
    throw new Error(`cancel fault ${on ? 'on' : 'off'} for ${paymentKey}: ${response.status} ${JSON.stringify(body)}`)
  }
}
