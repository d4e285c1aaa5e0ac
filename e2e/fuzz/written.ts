import { createDb } from '@commerce/platform/db'
import { testEnv } from '@commerce/platform/testing'
import type { Service } from './operations'
import { NOTHING_ID } from './rejected-cases'

// What a batch of refused requests could have written, read before and after it (the `commerce_<service>` databases).
// Rows are scoped to the run's own identities and to the ids only the fuzz uses (≥ 2^52), so other traffic does not
// move them; tables no background job inserts into (catalog's, members, addresses) are read by their highest id.

type Queries = (ids: string) => string[]

const owned: Record<Service, Queries> = {
  auth: (ids) => [
    `SELECT * FROM credentials WHERE user_id IN (${ids}) OR user_id >= ${NOTHING_ID - 1}`,
    `SELECT COUNT(*) n FROM refresh_families WHERE user_id IN (${ids})`,
    `SELECT COUNT(*) n FROM signing_keys`,
  ],
  user: (ids) => [
    `SELECT * FROM members WHERE id IN (${ids})`,
    `SELECT * FROM addresses WHERE member_id IN (${ids})`,
    'SELECT MAX(id) members, (SELECT MAX(id) FROM addresses) addresses FROM members',
  ],
  catalog: () => [
    ['brands', 'categories', 'category_attributes', 'discount_policies', 'products', 'product_attribute_values']
      .concat(['product_options', 'product_option_groups', 'product_skus', 'promotions'])
      .map((table) => `(SELECT MAX(id) FROM ${table}) ${table}`)
      .join(', ')
      .replace(/^/, 'SELECT '),
  ],
  inventory: (ids) => [
    `SELECT COUNT(*) n FROM stock_ledger WHERE actor_id IN (${ids}) OR sku_id >= ${NOTHING_ID - 1}`,
    `SELECT * FROM stock_balances WHERE sku_id >= ${NOTHING_ID - 1}`,
  ],
  order: (ids) => [
    `SELECT * FROM orders WHERE user_id IN (${ids})`,
    `SELECT c.*, i.* FROM carts c LEFT JOIN cart_items i ON i.cart_id = c.id WHERE c.user_id IN (${ids})`,
    `SELECT COUNT(*) n FROM order_status_history WHERE actor_id IN (${ids})`,
  ],
  payment: (ids) => [
    `SELECT * FROM payments WHERE user_id IN (${ids})`,
    `SELECT * FROM order_facts WHERE user_id IN (${ids})`,
  ],
}

const admin = createDb({ url: testEnv().mariadbAdminUrl, poolSize: 2 })

/** The rows a refused request of `service` could have written, for the identities `userIds`. */
export async function writableRows(service: Service, userIds: number[]): Promise<Record<string, unknown>> {
  const ids = userIds.map((id) => String(Math.trunc(id))).join(',')
  const entries = await Promise.all(
    owned[service](ids).map(async (sql) => {
      const [rows] = await admin.pool.query(
        `/* fuzz */ ${sql.replace(/\b(FROM|JOIN) (\w+)/g, `$1 commerce_${service}.$2`)}`,
      )
      return [sql, JSON.stringify(rows)] as const
    }),
  )
  return Object.fromEntries(entries)
}

/**
 * Outbox rows (of every service) whose `causationid` is one of `requestIds`: an event a request caused carries its
 * X-Request-Id there. `tag` narrows the scan to the run's requests.
 */
export async function eventsCausedBy(services: readonly Service[], tag: string): Promise<Map<string, string>> {
  const caused = new Map<string, string>()
  for (const service of services) {
    const [rows] = await admin.pool.query(
      `SELECT type, payload FROM commerce_${service}.outbox WHERE payload LIKE CONCAT('%"causationid":"', ?, '-%')`,
      [tag],
    )
    for (const row of rows as { type: string; payload: string }[]) {
      const causation = (JSON.parse(row.payload) as { causationid?: string }).causationid
      if (causation) caused.set(causation, `${service} ${row.type}`)
    }
  }
  return caused
}

export const closeWrittenReader = () => admin.close()
