import { afterAll, beforeAll } from 'bun:test'
import { join } from 'node:path'
import type { CloudEvent } from '@commerce/contracts'
import { StockReservedV1 } from '@commerce/contracts/inventory'
import { OrderPlacedV1 } from '@commerce/contracts/order'
import { committedOffsets, createKafka, type KafkaClient } from '@commerce/platform/kafka'
import { createLogger } from '@commerce/platform/log'
import { type PgSandbox, startPgSandbox } from '@commerce/platform/pg-sandbox'
import {
  call,
  eventually,
  freshId,
  inboxRows,
  positionGroupAtEnd,
  publishEvent,
  type SpawnedService,
  spawnEnv,
  spawnService,
  standAside,
  startTestService,
  testEnv,
  tokenFor,
} from '@commerce/platform/testing'
import { and, asc, eq, gte } from 'drizzle-orm'
import { paymentService } from '../../src/app'
import { loadPaymentConfig } from '../../src/config'
import { paymentTopics } from '../../src/consumers'
import type { PaymentDb } from '../../src/db'
import { outbox, payments } from '../../src/db/schema'

export { call } from '@commerce/platform/testing'

export type Payment = Awaited<ReturnType<typeof startPayment>>

const authMain = join(import.meta.dir, '../../../auth/src/main.ts')
export const secretKey = 'test_sk_payment_it'

/** The user id a token was issued to (its `sub`). */
export const userIdOf = (token: string): number =>
  Number(JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()).sub)

// A group that never committed would read every order event ever written: the first test run starts it at the end.
async function groupAtEndIfNew(kafka: KafkaClient) {
  const committed = await committedOffsets(kafka, 'payment', paymentTopics)
  if (committed.every((c) => c.offset < 0n)) await positionGroupAtEnd(kafka, 'payment', paymentTopics)
}

/** Payment in-process on the real stack, in its consumer group `payment`, talking to `sandbox`. */
export async function startPayment(at: { sandbox: PgSandbox; jwksUrl: string; env?: Record<string, string> }) {
  const kafka = createKafka({
    brokers: testEnv().kafkaBrokers,
    clientId: 'payment-test',
    logger: createLogger({}, 'error'),
  })
  await groupAtEndIfNew(kafka)
  return startTestService(
    paymentService(
      loadPaymentConfig({
        ...spawnEnv('payment'),
        SEED_DEMO_DATA: 'false',
        AUTH_JWKS_URL: at.jwksUrl,
        PG_SANDBOX_URL: at.sandbox.url,
        PG_SANDBOX_SECRET_KEY: secretKey,
        PG_TIMEOUT_MS: '300',
        PAYMENT_SETTLE_EVERY_S: '1',
        PAYMENT_REFUND_RETRY_BASE_MS: '50',
        PAYMENT_REFUND_MAX_ATTEMPTS: '3',
        ...at.env,
      }),
    ),
  )
}

/**
 * For one test file: a PG sandbox of its own (slow answers after 1.5 s, above the 300 ms PG timeout), auth as a
 * process (it mints the tokens), payment in-process, and two buyers' tokens. Read the fields inside tests.
 */
export function paymentUnderTest(env: Record<string, string> = {}) {
  const ctx = {} as {
    sandbox: PgSandbox
    auth: SpawnedService
    payment: Payment
    url: string
    buyer: string
    other: string
  }
  let comeBack: () => Promise<void> = async () => undefined
  beforeAll(async () => {
    // The stack's payment would share group `payment` and the leased jobs, with its own PG and windows.
    comeBack = await standAside('payment')
    ctx.sandbox = startPgSandbox({ port: 0, secretKey, slowMs: 1_500, recordsPath: ':memory:' })
    ctx.auth = await spawnService(authMain, { ...spawnEnv('auth'), SEED_DEMO_DATA: 'false' })
    ctx.payment = await startPayment({ sandbox: ctx.sandbox, jwksUrl: `${ctx.auth.url}/.well-known/jwks.json`, env })
    ctx.url = ctx.payment.url
    ;[ctx.buyer, ctx.other] = await Promise.all([tokenFor(ctx.auth.url, ['USER']), tokenFor(ctx.auth.url, ['USER'])])
  })
  afterAll(async () => {
    await ctx.payment?.stop()
    await ctx.auth?.[Symbol.asyncDispose]()
    await ctx.sandbox?.stop()
    await comeBack()
  })
  return ctx
}

// A SKU the stack's inventory does not know: it answers our test orders with stock.reservation.failed (which payment
// ignores), never with a stock.reserved of its own.
const unknownSku = 9_000_000_000_000_001

/** `order.placed` data for a fresh order of `userId`. */
export const placed = (orderId: number, userId: number, amount = 15_000) => ({
  orderId,
  userId,
  orderNo: `ORD-20260301-${orderId.toString(16).toUpperCase().padStart(16, '0')}`,
  payableAmount: amount,
  items: [{ skuId: unknownSku, quantity: 1, unitPrice: amount }],
})

export const reserved = (orderId: number) => ({
  orderId,
  items: [{ skuId: unknownSku, quantity: 1 }],
  expiresAt: new Date(Date.now() + 1_800_000).toISOString(),
})

/** Waits until group `payment` handled `event` (its inbox row). */
export const handled = (db: PaymentDb, event: CloudEvent<unknown>) =>
  eventually(async () => (await inboxRows(db, { consumer: 'payment', eventId: event.id })) === 1, {
    what: `${event.type} handled`,
  })

/** The order's payment row. */
export async function paymentOf(db: PaymentDb, orderId: number) {
  const [row] = await db.select().from(payments).where(eq(payments.orderId, orderId))
  return row
}

/** A READY payment for a fresh order of the token's user: order.placed and stock.reserved published and handled. */
export async function readyPayment(payment: Payment, at: { token: string; amount?: number }) {
  const orderId = freshId()
  const since = new Date(Date.now() - 1)
  const data = placed(orderId, userIdOf(at.token), at.amount)
  await publishEvent(payment.deps.kafka, OrderPlacedV1, data)
  await publishEvent(payment.deps.kafka, StockReservedV1, reserved(orderId))
  await eventually(() => paymentOf(payment.deps.db, orderId), { what: `payment of ${orderId}` })
  return { orderId, orderNo: data.orderNo, amount: data.payableAmount, since }
}

/** An event the service wrote to its outbox: type and data. */
export interface Published {
  type: string
  data: Record<string, unknown>
  correlationid: string
  causationid: string
}

/** The order's payment events written at or after `since`, oldest first. */
export async function eventsOf(db: PaymentDb, orderId: number, since: Date): Promise<Published[]> {
  const rows = await db
    .select({ payload: outbox.payload })
    .from(outbox)
    .where(and(gte(outbox.createdAt, since), eq(outbox.aggregateId, String(orderId))))
    .orderBy(asc(outbox.createdAt))
  return rows.map((r) => JSON.parse(r.payload) as Published)
}

export const typesOf = (events: Published[]) => events.map((e) => e.type)

/** POST /api/payments/confirm as `token`, with an Idempotency-Key when given. */
export const confirm = (
  url: string,
  at: { token: string; body: { orderId: number; paymentKey: string; amount: number }; key?: string },
) =>
  call(`${url}/api/payments/confirm`, {
    method: 'POST',
    token: at.token,
    body: at.body,
    ...(at.key ? { key: at.key } : {}),
  })

/** A paymentKey with the sandbox outcome prefix (`fail_`, `error_`, `slow_`, or none: approve). */
export const paymentKey = (prefix = '') => `${prefix}pk-${crypto.randomUUID()}`

/** What the PG holds for an order number, read through its inquiry API (the judge of what was charged). */
export async function pgRecord(sandbox: PgSandbox, orderNo: string) {
  const response = await fetch(`${sandbox.url}/v1/payments/orders/${orderNo}`, {
    headers: { authorization: `Basic ${btoa(`${secretKey}:`)}` },
  })
  if (response.status === 404) return undefined
  const { status, totalAmount, balanceAmount, cancels } = (await response.json()) as {
    status: string
    totalAmount: number
    balanceAmount: number
    cancels: { cancelAmount: number }[] | null
  }
  return { status, totalAmount, balanceAmount, cancels: (cancels ?? []).map((c) => c.cancelAmount) }
}
