import type { CallOutContext, CallOutHandler, EventHandler } from '@commerce/platform/kafka'
import { eq, sql } from 'drizzle-orm'
import type { Pool } from 'mysql2/promise'
import type { InventoryDb } from '../src/db'
import { stockOperations } from '../src/db/schema'
import type { StockStore } from '../src/db/stock-store'
import { mergeItems, type StockItem } from '../src/domain/items'

// Where a reservation's time goes: the handler's MariaDB steps and its Redis script, timed around the real calls.

/** Accumulated milliseconds (and call counts) per part of the handler. */
export class Split {
  readonly ms: Record<string, number> = {}
  readonly calls: Record<string, number> = {}

  async time<T>(part: string, fn: () => Promise<T>): Promise<T> {
    const started = performance.now()
    try {
      return await fn()
    } finally {
      this.ms[part] = (this.ms[part] ?? 0) + performance.now() - started
      this.calls[part] = (this.calls[part] ?? 0) + 1
    }
  }

  reset() {
    for (const key of Object.keys(this.ms)) delete this.ms[key]
    for (const key of Object.keys(this.calls)) delete this.calls[key]
  }
}

/** The store with its reserve script timed as `script`. */
export function timedStore(store: StockStore, split: Split): StockStore {
  return { ...store, reserve: (...args) => split.time('redis script', () => store.reserve(...args)) }
}

/** Calling-out handlers with their run, pre-check step(s) and final step (inbox row + effect + commit) timed. */
export function timedHandlers(handlers: EventHandler[], split: Split): EventHandler[] {
  return handlers.map((handler) => {
    if (handler.mode !== 'calls-out') return handler
    const timedHandler: CallOutHandler = {
      ...handler,
      run: (event, context) => {
        const timed: CallOutContext = {
          ...context,
          read: (fn) => split.time('pre-check read', () => context.read(fn)),
          finalStep: (fn) => split.time('final tx (inbox+ledger+outbox)', () => context.finalStep(fn)),
        }
        return split.time('handler run', () => handler.run(event, timed))
      },
    }
    return timedHandler
  })
}

/** 1–3 distinct SKUs of `skuIds`, 1–2 units each: the order mix of the run (deterministic by index). */
export function orderItems(index: number, skuIds: number[]): StockItem[] {
  const count = 1 + (index % 3)
  const items: StockItem[] = []
  for (let k = 0; k < count; k++) {
    const skuId = skuIds[(index * 7 + k * 13) % skuIds.length] as number
    items.push({ skuId, quantity: 1 + ((index + k) % 2) })
  }
  return mergeItems(items)
}

/**
 * The baseline: the same reserve script driven by a bare ioredis loop, `concurrency` calls in flight; then the same
 * orders released (so Redis ends where it began). Returns reservations per second.
 */
export async function bareScriptRate(
  store: StockStore,
  orders: { orderId: number; items: StockItem[] }[],
  concurrency: number,
): Promise<number> {
  const expiresAt = new Date(Date.now() + 3_600_000)
  let next = 0
  const worker = async () => {
    while (next < orders.length) {
      const order = orders[next++] as (typeof orders)[number]
      const answer = await store.reserve(order.orderId, order.items, expiresAt)
      if (answer.status !== 'RESERVED') throw new Error(`bare reserve answered ${answer.status}`)
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: concurrency }, worker))
  const rate = orders.length / ((performance.now() - started) / 1000)
  for (const order of orders) await store.release(order.orderId)
  return rate
}

const stackProcesses: [string, RegExp][] = [
  ['MariaDB', /mariadbd/],
  ['Redis', /redis-server 127\.0\.0\.1:6380/],
  ['Kafka broker', /kafka\.Kafka/],
  ['Kafka Connect (Debezium)', /ConnectDistributed/],
  ['catalog (reads stock events)', /services\/catalog\/\/?src\/main\.ts/],
  ['stack inventory (idle here)', /services\/inventory\/\/?src\/main\.ts/],
]

/** CPU milliseconds so far of the stack's processes (Linux /proc; empty elsewhere), by process id. */
export async function stackCpuMs(): Promise<Map<string, { name: string; ms: number }>> {
  const found = new Map<string, { name: string; ms: number }>()
  const { readdir } = await import('node:fs/promises')
  const pids = (await readdir('/proc').catch(() => [] as string[])).filter((p) => /^\d+$/.test(p))
  for (const pid of pids) {
    const cmdline = await Bun.file(`/proc/${pid}/cmdline`)
      .text()
      .catch(() => '')
    const name = stackProcesses.find(([, pattern]) => pattern.test(cmdline.replaceAll('\0', ' ')))?.[0]
    if (!name) continue
    const stat = await Bun.file(`/proc/${pid}/stat`)
      .text()
      .catch(() => '')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // utime and stime, in clock ticks (100 per second on Linux).
    const ticks = Number(fields[11]) + Number(fields[12])
    found.set(pid, { name, ms: ticks * 10 })
  }
  return found
}

/** Wall and CPU milliseconds per call of `fn`, run `times` times one after another (after a short warm-up). */
async function perCall(fn: () => Promise<unknown>, times: number) {
  for (let i = 0; i < 50; i++) await fn()
  const cpu = process.cpuUsage()
  const started = performance.now()
  for (let i = 0; i < times; i++) await fn()
  const used = process.cpuUsage(cpu)
  return { wallMs: (performance.now() - started) / times, cpuMs: (used.user + used.system) / 1000 / times }
}

/**
 * What one statement costs this process: the pre-check's look-up by primary key through Drizzle's query builder,
 * through a Drizzle prepared query, and as a bare mysql2 query; and an empty Drizzle transaction (BEGIN + COMMIT).
 */
export async function statementCosts(db: InventoryDb, pool: Pool) {
  const byKey = () => db.select().from(stockOperations).where(eq(stockOperations.opKey, 'bench:none'))
  const prepared = db
    .select()
    .from(stockOperations)
    .where(eq(stockOperations.opKey, sql.placeholder('key')))
    .prepare()
  return {
    'Drizzle query builder, select by key': await perCall(byKey, 500),
    'Drizzle prepared query, same select': await perCall(() => prepared.execute({ key: 'bench:none' }), 500),
    'Drizzle sql template, same select': await perCall(
      () => db.execute(sql`select op_key from ${stockOperations} where op_key = ${'bench:none'}`),
      500,
    ),
    'bare mysql2, same select': await perCall(
      () => pool.query('select op_key from stock_operations where op_key = ?', ['bench:none']),
      500,
    ),
    'Drizzle transaction, empty (BEGIN+COMMIT)': await perCall(() => db.transaction(async () => undefined), 300),
  }
}

/** CPU milliseconds each stack process spent between two snapshots (processes present in both), by name. */
export function cpuBetween(before: Map<string, { name: string; ms: number }>, after: typeof before) {
  const spent = new Map<string, number>()
  for (const [pid, { name, ms }] of after) {
    const earlier = before.get(pid)
    if (earlier) spent.set(name, (spent.get(name) ?? 0) + ms - earlier.ms)
  }
  return [...spent]
}
