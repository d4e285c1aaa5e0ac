import { eventually } from '@commerce/platform/testing'
import { adminActor, registerBuyer } from '../../src/actors'
import type { Actor, Reply } from '../../src/client'
import { cancelOrder, finalStatuses, getOrder, type PlacedOrder, placeOrder } from '../../src/orders'
import { confirmPayment, getPayment, paymentKey } from '../../src/payments'
import { linesOf, type Plan, planOf, type Shelf, stockedShelf } from '../../src/saga'

/** Stock for `sagas` sagas: the three roomy SKUs hold every order's units, the short one a tenth of its demand. */
const stockFor = (sagas: number) => [sagas, sagas, sagas, Math.max(1, Math.floor(sagas / 30))]

/** How long a buyer keeps retrying a call the stack cannot answer right now (down, restarting, recovering). */
const patienceMs = 150_000

/**
 * A call retried while the stack cannot answer it (no connection, a 5xx) with the same Idempotency-Key, as a client
 * would; any other answer is returned. The PG's "no answer" (PAYMENT-503-001) is an answer: the saga settles it.
 */
function persist(what: string, attempt: () => Promise<Reply>): Promise<Reply> {
  return eventually(
    async () => {
      const reply = await attempt()
      const unavailable = reply.status === 0 || (reply.status >= 500 && reply.body?.error?.code !== 'PAYMENT-503-001')
      return !unavailable && reply
    },
    { what, timeoutMs: patienceMs, intervalMs: 250 },
  )
}

/** The amount to pay once the order's payment is READY, or 'settled' when the order ended without one. */
function readyToPay(buyer: Actor, orderId: number): Promise<number | 'settled'> {
  return eventually(
    async () => {
      const payment = await getPayment(buyer, orderId)
      if (payment.status === 200 && payment.body.data.status === 'READY') return payment.body.data.amount as number
      const order = await getOrder(buyer, orderId)
      return order.status === 200 && finalStatuses.includes(order.body.data.status) && ('settled' as const)
    },
    { what: `order ${orderId} ready to pay`, timeoutMs: patienceMs, intervalMs: 500 },
  )
}

/** One saga in flight: its order and what its buyer does. */
export interface Saga {
  n: number
  buyer: Actor
  order: PlacedOrder
  plan: Plan
}

/** Drives one saga as its buyer would, through every fault: waits, retries, never gives up early. */
async function drive(saga: Saga): Promise<void> {
  const { buyer, order, plan } = saga
  if (plan === 'abandon') return
  const cancel = () => persist(`cancel order ${order.orderId}`, () => cancelOrder(buyer, order.orderId))
  if ('cancel' in plan && plan.cancel === 'before-paying') return void (await cancel())
  const amount = await readyToPay(buyer, order.orderId)
  if (amount === 'settled') return
  const body = { orderId: order.orderId, paymentKey: paymentKey('pay' in plan ? plan.pay : 'approve'), amount }
  const key = crypto.randomUUID()
  const confirm = persist(`confirm order ${order.orderId}`, () => confirmPayment(buyer, body, key))
  await Promise.all([confirm, 'cancel' in plan ? cancel() : undefined])
}

/** What a fault run works on: fresh buyers and a fresh shelf stocked for its sagas. */
export interface Stage {
  buyers: Actor[]
  shelf: Shelf
}

export async function setStage(sagas: number): Promise<Stage> {
  const admin = await adminActor()
  const buyerCount = Math.min(10, Math.max(3, Math.ceil(sagas / 20)))
  const [buyers, shelf] = await Promise.all([
    Promise.all(Array.from({ length: buyerCount }, registerBuyer)),
    stockedShelf(admin, stockFor(sagas)),
  ])
  return { buyers, shelf }
}

/** `count` sagas placed at once (each retried through faults with its Idempotency-Key); they are driven in the background. */
export async function startSagas(stage: Stage, count: number): Promise<{ sagas: Saga[]; driven: Promise<void> }> {
  const sagas = await Promise.all(
    Array.from({ length: count }, async (_, n): Promise<Saga> => {
      const buyer = stage.buyers[n % stage.buyers.length] as Actor
      const key = crypto.randomUUID()
      const reply = await persist(`place order ${n}`, () => placeOrder(buyer, linesOf(stage.shelf, n), key))
      if (reply.status !== 201) throw new Error(`order ${n}: ${reply.status} ${JSON.stringify(reply.body)}`)
      return { n, buyer, order: reply.body.data as PlacedOrder, plan: planOf(n) }
    }),
  )
  const driven = Promise.all(sagas.map(drive)).then(() => undefined)
  // Failures surface where the run awaits `driven`; until then nothing may go unhandled.
  driven.catch(() => undefined)
  return { sagas, driven }
}
