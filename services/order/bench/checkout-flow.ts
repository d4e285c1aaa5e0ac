// One whole checkout through the APIs, as a buyer's client does it: place → payment READY → confirm → CONFIRMED.
// Shared by the saga benches (saga-latency, tracing-overhead); they differ in how they schedule checkouts.
import type { buyers } from './bench-setup'
import { e2eConfig } from './bench-setup'

export type Buyer = Awaited<ReturnType<typeof buyers>>[number]

const { urls } = e2eConfig

const shippingAddress = {
  recipient: 'bench',
  phone: '010-0000-0000',
  zipCode: '06236',
  address: 'Seoul',
  addressDetail: '1',
}

const json = async (url: string, init: { method?: string; token: string; body?: unknown }) => {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${init.token}`,
      'content-type': 'application/json',
      'idempotency-key': crypto.randomUUID(),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  })
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown> } }
}

/** Polls `probe` every `pollMs` until it returns a value (the bench's own loop: no test framework here). */
async function until<T>(probe: () => Promise<T | undefined>, pollMs: number): Promise<T | undefined> {
  const deadline = performance.now() + 60_000
  while (performance.now() < deadline) {
    const value = await probe()
    if (value !== undefined) return value
    await Bun.sleep(pollMs)
  }
  return undefined
}

/**
 * One checkout: ms from the POST /api/orders response to the order read CONFIRMED, or the reason it did not get
 * there. Each status is seen by polling every `pollMs`, which adds up to that much per wait (two waits).
 */
export async function checkout(buyer: Buyer, order: { skuId: number; pollMs: number }): Promise<number | string> {
  const body = { items: [{ skuId: order.skuId, quantity: 1 }], shippingAddress }
  const placed = await json(`${urls.order}/api/orders`, { method: 'POST', token: buyer.token, body })
  const respondedAt = performance.now()
  if (placed.status !== 201) return `POST ${placed.status}`
  const orderId = placed.body.data?.['orderId'] as number
  const amount = await until(async () => {
    const payment = await json(`${urls.payment}/api/payments/orders/${orderId}`, { token: buyer.token })
    return payment.body.data?.['status'] === 'READY' ? (payment.body.data['amount'] as number) : undefined
  }, order.pollMs)
  if (amount === undefined) return 'payment never READY'
  const confirmed = await json(`${urls.payment}/api/payments/confirm`, {
    method: 'POST',
    token: buyer.token,
    body: { orderId, paymentKey: `pk_${crypto.randomUUID()}`, amount },
  })
  if (confirmed.status !== 200) return `confirm ${confirmed.status}`
  const done = await until(async () => {
    const read = await json(`${urls.order}/api/orders/${orderId}`, { token: buyer.token })
    return read.body.data?.['status'] === 'CONFIRMED' ? performance.now() : undefined
  }, order.pollMs)
  return done === undefined ? 'never CONFIRMED' : done - respondedAt
}
