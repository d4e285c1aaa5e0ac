import { and, eq, inArray } from 'drizzle-orm'
import { reservations, stockBalances } from '../db/schema'
import { stockKeys } from '../db/stock-store'
import {
  type ReservationDrift,
  type ReservationProblem,
  type ReservationState,
  reservationProblems,
  reservationSignature,
  type SkuDrift,
  type SkuProblem,
  type SkuState,
  skuProblems,
  skuSignature,
} from '../domain/drift'
import { balancePages, scanPages } from './key-and-row-pages'
import { type ReadDeps, readReservations, readSkus } from './reconcile-reads'
import { openReservationIds, type ReservationCursor } from './reservation-rows'

export type { ReservationDrift, SkuDrift } from '../domain/drift'

/** Keys per SCAN call: a call stays well under a millisecond of Redis' time, and few round trips cover a large keyspace. */
const scanCount = 5000

export interface ReconcileOptions {
  /**
   * Which SKUs: `all`, or these. With neither `skuIds` nor `orderIds` both are `all`; with only one given, the
   * other part checks nothing (the reservation pass is the costly one on a store with many open orders).
   */
  skuIds?: number[] | 'all'
  /** Which orders' reservations: `all` open ones (RESERVED in either store), or these. */
  orderIds?: number[] | 'all'
  /** SKUs or orders per MariaDB query and Redis round trip (default 500). */
  batchSize?: number
  /**
   * What disagrees is read again after this long (default 1 s; 0: at once) and reported only if it disagrees the
   * same way: a movement between its Redis script and its commit is not drift.
   */
  settleMs?: number
}

export interface ReconcileReport {
  /** What was checked: `all` SKUs / open reservations, or the `given` ones. */
  scope: { skus: 'all' | 'given'; reservations: 'all' | 'given' }
  skus: number
  reservations: number
  skuDrift: SkuDrift[]
  reservationDrift: ReservationDrift[]
  durationMs: number
}

/** SKU ids a full check visits, a page at a time: every balance row, then SKUs only Redis knows (each key kind). */
async function* allSkuPages({ db, redis }: ReadDeps, size: number): AsyncGenerator<number[]> {
  for await (const rows of balancePages(db, size)) yield rows.map((r) => r.skuId)
  // Then one SCAN over the inventory keys: SKUs with a stock or reserved key and no balance row.
  const skuKey = new RegExp(`^${stockKeys.prefix}(?:stock|reserved):(\\d+)$`)
  for await (const keys of scanPages(redis, `${stockKeys.prefix}*`, scanCount)) {
    const ids = [...new Set(keys.flatMap((k) => skuKey.exec(k)?.[1] ?? []).map(Number))]
    if (ids.length === 0) continue
    const known = await db
      .select({ skuId: stockBalances.skuId })
      .from(stockBalances)
      .where(inArray(stockBalances.skuId, ids))
    const knownIds = new Set(known.map((r) => r.skuId))
    const unknown = ids.filter((id) => !knownIds.has(id))
    if (unknown.length > 0) yield unknown
  }
}

/** Order ids a full check visits: every RESERVED row, then RESERVED records in Redis whose row is not. */
async function* allOrderPages({ db, redis }: ReadDeps, size: number): AsyncGenerator<number[]> {
  for (let after: ReservationCursor | undefined; ; ) {
    const page = await openReservationIds(db, { limit: size, after })
    if (page.length === 0) break
    yield page.map((r) => r.orderId)
    after = page.at(-1)
  }
  const prefix = `${stockKeys.prefix}reservation:`
  for await (const keys of scanPages(redis, `${prefix}*`, scanCount)) {
    const pipeline = redis.pipeline()
    for (const key of keys) pipeline.hget(key, 'status')
    const statuses = (await pipeline.exec()) ?? []
    const open = keys.filter((_, i) => statuses[i]?.[1] === 'RESERVED').map((k) => Number(k.slice(prefix.length)))
    if (open.length === 0) continue
    // Those MariaDB holds RESERVED too were visited above.
    const rows = await db
      .select({ orderId: reservations.orderId })
      .from(reservations)
      .where(and(inArray(reservations.orderId, open), eq(reservations.status, 'RESERVED')))
    const visited = new Set(rows.map((r) => r.orderId))
    const rest = open.filter((id) => !visited.has(id))
    if (rest.length > 0) yield rest
  }
}

async function* chunks(ids: number[], size: number): AsyncGenerator<number[]> {
  const unique = [...new Set(ids)]
  for (let i = 0; i < unique.length; i += size) yield unique.slice(i, i + size)
}

interface Check<S, P, D> {
  read: (deps: ReadDeps, ids: number[]) => Promise<S[]>
  problems: (state: S) => P[]
  /** What must read the same twice to count as drift: the problems and the differences, not the moving totals. */
  signature: (state: S, problems: P[]) => string
  idOf: (state: S) => number
  drift: (state: S, problems: P[]) => D
}

/** Reads every page; returns how many ids it read and, for each that disagrees, the signature of its disagreement. */
async function suspectsOf<S, P, D>(deps: ReadDeps, pages: AsyncGenerator<number[]>, how: Check<S, P, D>) {
  let checked = 0
  const suspects = new Map<number, string>()
  for await (const page of pages) {
    checked += page.length
    for (const state of await how.read(deps, page)) {
      const problems = how.problems(state)
      if (problems.length > 0) suspects.set(how.idOf(state), how.signature(state, problems))
    }
  }
  return { checked, suspects }
}

/** Reads the suspects again: drift is what disagrees the same way both times (in-flight movements do not). */
async function confirmed<S, P, D>(
  deps: ReadDeps,
  suspects: Map<number, string>,
  how: Check<S, P, D> & { size: number },
) {
  const drift: D[] = []
  for await (const page of chunks([...suspects.keys()], how.size)) {
    for (const state of await how.read(deps, page)) {
      const problems = how.problems(state)
      if (problems.length > 0 && suspects.get(how.idOf(state)) === how.signature(state, problems))
        drift.push(how.drift(state, problems))
    }
  }
  return drift
}

const skuCheck: Check<SkuState, SkuProblem, SkuDrift> = {
  read: readSkus,
  problems: skuProblems,
  signature: skuSignature,
  idOf: (s) => s.skuId,
  drift: (s, problems) => ({ ...s, problems }),
}

const reservationCheck: Check<ReservationState, ReservationProblem, ReservationDrift> = {
  read: readReservations,
  problems: reservationProblems,
  signature: reservationSignature,
  idOf: (s) => s.orderId,
  drift: (s, problems) => ({ ...s, problems }),
}

/**
 * Compares Redis with MariaDB (SPEC §7): for every SKU, Redis' available and reserved against its balance row, and
 * the balance row against the sums of its ledger rows (one snapshot); for every open reservation, Redis' record
 * against MariaDB's row. Pages through both stores (`batchSize` ids per query and MGET), so memory holds a page and
 * the suspects, never the keyspace. What disagrees is read again after `settleMs` and reported only if it disagrees
 * the same way: a movement between its script and its commit is not drift. Read-only: it reports, a rebuild repairs.
 */
export async function reconcile(deps: ReadDeps, options: ReconcileOptions = {}): Promise<ReconcileReport> {
  const started = performance.now()
  const size = options.batchSize ?? 500
  const settleMs = options.settleMs ?? 1000
  const unscoped = options.skuIds === undefined && options.orderIds === undefined
  const skuIds = unscoped ? 'all' : (options.skuIds ?? [])
  const orderIds = unscoped ? 'all' : (options.orderIds ?? [])
  const skuPages = skuIds === 'all' ? allSkuPages(deps, size) : chunks(skuIds, size)
  const skus = await suspectsOf(deps, skuPages, skuCheck)
  const orderPages = orderIds === 'all' ? allOrderPages(deps, size) : chunks(orderIds, size)
  const orders = await suspectsOf(deps, orderPages, reservationCheck)
  if (settleMs > 0 && skus.suspects.size + orders.suspects.size > 0) await Bun.sleep(settleMs)
  return {
    scope: { skus: skuIds === 'all' ? 'all' : 'given', reservations: orderIds === 'all' ? 'all' : 'given' },
    skus: skus.checked,
    reservations: orders.checked,
    skuDrift: await confirmed(deps, skus.suspects, { ...skuCheck, size }),
    reservationDrift: await confirmed(deps, orders.suspects, { ...reservationCheck, size }),
    durationMs: Math.round(performance.now() - started),
  }
}
