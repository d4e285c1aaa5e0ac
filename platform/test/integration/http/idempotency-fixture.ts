import { count, eq } from 'drizzle-orm'
import { Elysia, t } from 'elysia'
import { createDb, idempotencyKeys } from '../../../src/db'
import { AppError, httpKit, idempotency, ok } from '../../../src/http/index'
import { freshName, testEnv } from '../../../src/testing'
import * as schema from '../../lab/schema'
import { labNotes } from '../../lab/schema'

/** The lab database; the pool is large enough for eight requests waiting on one key plus the test's own probes. */
export const lab = createDb({ url: testEnv().databaseUrl('lab'), poolSize: 14, schema })

const OrderBody = t.Object({ skuId: t.Integer(), quantity: t.Integer({ minimum: 1 }) })

export interface ServiceOptions {
  /** Awaited inside the transaction, after the key row is in: holds the key while others arrive. */
  gate?: () => Promise<unknown>
  failFirst?: boolean
  /** Whether the payment a confirm waits for exists yet. */
  paymentExists?: () => boolean
}

/** A tiny service whose creates write a lab note per effect, so effects are counted in the database. */
export function orderService(options: ServiceOptions = {}) {
  const marker = freshName('idem-effect')
  let attempts = 0
  const app = new Elysia()
    .use(httpKit)
    .use(idempotency({ db: lab.db }))
    .post(
      '/orders',
      ({ status, idempotently }) =>
        idempotently(async (tx) => {
          attempts += 1
          await options.gate?.()
          if (options.failFirst && attempts === 1) throw new Error('catalog timed out')
          const [note] = await tx.insert(labNotes).values({ body: marker, createdAt: new Date() })
          return status(201, ok({ orderNo: `ORD-${note.insertId}` }))
        }),
      { idempotent: true, body: OrderBody },
    )
    .post(
      '/orders/cancel',
      ({ idempotently }) =>
        idempotently(async () => {
          attempts += 1
          throw new AppError('ORDER-409-002', 'Order in CONFIRMED cannot be cancelled')
        }),
      { idempotent: true },
    )
    .post(
      '/payments/confirm',
      ({ status, idempotently }) =>
        idempotently(async (tx) => {
          attempts += 1
          if (!options.paymentExists?.()) throw new AppError('PAYMENT-409-004', 'Payment does not exist yet')
          await tx.insert(labNotes).values({ body: marker, createdAt: new Date() })
          return status(201, ok({ confirmed: true }))
        }),
      { idempotent: { retryable: ['PAYMENT-409-004'] } },
    )
  const post = (path: string, init: { key?: string; body?: unknown } = {}) => {
    const headers = { 'content-type': 'application/json', ...(init.key ? { 'idempotency-key': init.key } : {}) }
    return app.handle(
      new Request(`http://localhost${path}`, { method: 'POST', headers, body: JSON.stringify(init.body ?? {}) }),
    )
  }
  const effects = async () => {
    const [row] = await lab.db.select({ n: count() }).from(labNotes).where(eq(labNotes.body, marker))
    return row?.n ?? 0
  }
  return { app, post, effects, attempts: () => attempts }
}

/** Key rows stored for `key` (any scope). */
export async function keyRows(key: string) {
  return lab.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key))
}

/** Other connections of ours whose running statement is the insert of `key`: requests waiting on its row lock. */
export async function waitingOnKey(key: string): Promise<number> {
  const [rows] = await lab.pool.query(
    `SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST
      WHERE ID <> CONNECTION_ID() AND INFO LIKE 'insert into \`idempotency_keys\`%' AND INFO LIKE ?`,
    [`%${key}%`],
  )
  return Number((rows as { n: number }[])[0]?.n ?? 0)
}

export const freshKey = () => `test-${Bun.randomUUIDv7()}`
