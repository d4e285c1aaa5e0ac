import type { EventMeta } from '@commerce/contracts'
import { and, eq, gt, isNull, lte, type SQL, sql } from 'drizzle-orm'
import type { MySqlColumn } from 'drizzle-orm/mysql-core'
import type { CatalogDb } from '../db'
import { discountPolicies, pricingClock, promotions } from '../db/schema'
import { changeReason } from '../domain/pricing'
import { applyPrices, loadPricingInputs, ruleAt } from './recompute-prices'

const clockId = 1
// A missing clock starts at the beginning: the first run recomputes every product that ever had a rule, once,
// rather than miss a promotion that was created before the job first ran and started since.
const beginning = new Date('1970-01-02T00:00:00.000Z')

/** The database's clock: replicas' clocks may disagree, and the window must never skip or repeat an instant. */
export async function databaseNow(db: CatalogDb): Promise<Date> {
  const [rows] = (await db.execute(sql`SELECT UTC_TIMESTAMP(3) AS now`)) as unknown as [{ now: Date | string }[]]
  const now = rows[0]?.now
  return now instanceof Date ? now : new Date(`${String(now).replace(' ', 'T')}Z`)
}

/** Where the last run stopped looking; creates the clock row on first use. */
export async function checkedUntil(db: CatalogDb): Promise<Date> {
  const [row] = await db.select().from(pricingClock).where(eq(pricingClock.id, clockId))
  if (row) return row.checkedUntil
  await db.insert(pricingClock).ignore().values({ id: clockId, checkedUntil: beginning })
  return beginning
}

/** Moves the clock to `until` (only forward: a stale replica's run never rewinds it). */
export async function advanceClock(db: CatalogDb, until: Date): Promise<void> {
  await db
    .update(pricingClock)
    .set({ checkedUntil: until })
    .where(and(eq(pricingClock.id, clockId), lte(pricingClock.checkedUntil, until)))
}

const crossed = (column: MySqlColumn, span: { from: Date; to: Date }): SQL =>
  and(gt(column, span.from), lte(column, span.to)) as SQL

/** Products with a promotion or live discount policy that started or ended in `(from, to]`. */
export async function productsWithBoundaries(db: CatalogDb, span: { from: Date; to: Date }): Promise<number[]> {
  const live = isNull(discountPolicies.deletedAt)
  const lists = await Promise.all([
    db.selectDistinct({ id: promotions.productId }).from(promotions).where(crossed(promotions.startAt, span)),
    db.selectDistinct({ id: promotions.productId }).from(promotions).where(crossed(promotions.endAt, span)),
    db
      .selectDistinct({ id: discountPolicies.productId })
      .from(discountPolicies)
      .where(and(live, crossed(discountPolicies.startAt, span))),
    db
      .selectDistinct({ id: discountPolicies.productId })
      .from(discountPolicies)
      .where(and(live, crossed(discountPolicies.endAt, span))),
  ])
  return [...new Set(lists.flat().map((row) => row.id))].sort((a, b) => a - b)
}

/**
 * One product, one transaction: its prices at `meta.now`, the reason taken from how the winning rule changed since
 * `from`. A product whose prices already hold (a re-run after a crash) writes and publishes nothing.
 */
export function repriceProduct(db: CatalogDb, productId: number, at: { from: Date; meta: EventMeta }) {
  return db.transaction(async (tx) => {
    const inputs = await loadPricingInputs(tx, productId, { from: at.from, to: at.meta.now })
    if (!inputs) return { changedSkus: 0, productChanged: false }
    const before = ruleAt(inputs, at.from)
    const rule = ruleAt(inputs, at.meta.now)
    return applyPrices(tx, inputs, { rule, reason: changeReason(before.kind, rule.kind), meta: at.meta })
  })
}
