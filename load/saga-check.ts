import { existsSync, readFileSync } from 'node:fs'
import { call, login } from './gateway'
import type { SagaOutcome } from './scenarios/checkout'

/**
 * After a run, server side: did every checkout the run placed end, and end as its buyer drove it? Each placed order is
 * in the run's saga log (processor.cjs); this reads the order and its payment through the gateway as their buyer,
 * waiting (bounded) for orders still moving, and counts the end states per intended outcome.
 */
export interface SagaRecord {
  orderId: number
  email: string
  outcome: SagaOutcome
}

/** How one checkout ended: the order's status and its payment's (404: the saga never created one). */
export interface SagaEnd {
  order: string
  payment: string | 404
}

export interface SagaCheck {
  placed: number
  /** Orders in a final status with no refund still moving (SPEC §6). */
  terminal: number
  /** Terminal in the end state the buyer drove it to (`intended`). */
  asIntended: number
  /** outcome → "ORDER / PAYMENT" → how many (orders still moving show their status, e.g. "PAYMENT_PENDING / READY"). */
  ends: Record<string, Record<string, number>>
  waitedS: number
  allCompleted: boolean
}

const finalStatuses = new Set(['CONFIRMED', 'FAILED', 'CANCELLED', 'REFUNDED', 'NEEDS_ATTENTION', 'RESOLVED'])

/** The end each outcome must reach: the order's status and the payment statuses that agree with it. */
export const intended: Record<SagaOutcome, { order: string; payment: (string | 404)[] }> = {
  approve: { order: 'CONFIRMED', payment: ['APPROVED'] },
  decline: { order: 'CANCELLED', payment: ['FAILED'] },
  // Cancelled while READY the payment is voided; a cancel that beats the payment's creation leaves none.
  cancel: { order: 'CANCELLED', payment: ['CANCELED', 404] },
  refund: { order: 'REFUNDED', payment: ['REFUNDED'] },
}

export const isTerminal = (order: { status: string; items: { status: string }[] }) =>
  finalStatuses.has(order.status) && !order.items.some((i) => i.status === 'REFUND_REQUESTED')

const matches = (record: SagaRecord, end: SagaEnd) =>
  end.order === intended[record.outcome].order && intended[record.outcome].payment.includes(end.payment)

/** Counts the ends per outcome; `ends` lacks the orders that could not be read (counted as not terminal). */
export function tallySagas(records: SagaRecord[], ends: Map<number, SagaEnd>, waitedS: number): SagaCheck {
  const tally: Record<string, Record<string, number>> = {}
  let terminal = 0
  let asIntended = 0
  for (const record of records) {
    const end = ends.get(record.orderId)
    const key = end ? `${end.order} / ${end.payment}` : 'UNREAD'
    const byEnd = tally[record.outcome] ?? {}
    byEnd[key] = (byEnd[key] ?? 0) + 1
    tally[record.outcome] = byEnd
    if (end && finalStatuses.has(end.order)) terminal++
    if (end && matches(record, end)) asIntended++
  }
  const placed = records.length
  return { placed, terminal, asIntended, ends: tally, waitedS, allCompleted: asIntended === placed }
}

export function readSagaLog(file: string): SagaRecord[] {
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SagaRecord)
}

/** Runs `work` over `items`, `width` at a time (the check must not become a load run of its own). */
async function inBatches<T>(items: T[], width: number, work: (item: T) => Promise<void>) {
  for (let n = 0; n < items.length; n += width) await Promise.all(items.slice(n, n + width).map(work))
}

async function readEnd(orderId: number, token: string): Promise<{ end: SagaEnd; terminal: boolean } | undefined> {
  const order = await call(`/api/orders/${orderId}`, { token })
  if (order.status !== 200) return undefined
  const view = (order.body as { data: { status: string; items: { status: string }[] } }).data
  const payment = await call(`/api/payments/orders/${orderId}`, { token })
  const paymentStatus = payment.status === 200 ? (payment.body as { data: { status: string } }).data.status : 404
  return { end: { order: view.status, payment: paymentStatus }, terminal: isTerminal(view) }
}

/** Reads every logged order until all are terminal or `timeoutS` has passed (SPEC §6: terminal within 60 s). */
export async function checkSagas(
  logFile: string,
  buyers: { email: string; password: string }[],
  timeoutS = 60,
): Promise<SagaCheck> {
  const records = readSagaLog(logFile)
  const tokens = new Map<string, string>()
  await inBatches([...new Set(records.map((r) => r.email))], 4, async (email) => {
    const buyer = buyers.find((b) => b.email === email)
    if (buyer) tokens.set(email, await login(email, buyer.password))
  })
  const ends = new Map<number, SagaEnd>()
  const startedAt = Date.now()
  let moving = records
  while (moving.length > 0) {
    const stillMoving: SagaRecord[] = []
    await inBatches(moving, 8, async (record) => {
      const read = await readEnd(record.orderId, tokens.get(record.email) ?? '')
      if (read) ends.set(record.orderId, read.end)
      if (!read?.terminal) stillMoving.push(record)
    })
    moving = stillMoving
    if (moving.length === 0 || Date.now() - startedAt > timeoutS * 1000) break
    // A poll interval for the orders still moving (a script, not a test: it waits for the services, bounded).
    await Bun.sleep(1000)
  }
  return tallySagas(records, ends, Math.round((Date.now() - startedAt) / 1000))
}
