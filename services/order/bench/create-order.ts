// POST /api/orders closed-model max throughput (issue 11, measure 1), against a bare mysql2 script on Bun running the
// same transaction (order + item + history + outbox rows, into scratch copies of the tables) with the same pool size
// and concurrency, in the same run. Target: ≥ 0.5× the bare script. The original: 32.6 orders/s at p95 425 ms (50
// users, 1 s think time). Not a test. Needs the stack up with order built:
//   bun services/order/bench/create-order.ts   BENCH_CLIENTS=32 BENCH_SECONDS=20 BENCH_POOL=10 BENCH_STOCK=0
//   BENCH_BASELINE_ONLY=1 runs the mysql2 side alone (it needs no order service).
// BENCH_STOCK=0 (default): every order FAILS its reservation afterwards, so the run leaves no reservations or payments
// behind; the saga's consumers still work in the background, as they do in production. BENCH_STOCK>0 reserves.
import { formatTable, summarize } from '@commerce/platform/bench'
import { testEnv } from '@commerce/platform/testing'
import mysql from 'mysql2/promise'
// biome-ignore lint/style/noRestrictedImports: e2e/ is the stack's HTTP harness (no service): benches drive the stack with it
import { placeOrder } from '../../../e2e/src/orders'
import { benchSku, buyers, closedModel, requireServices } from './bench-setup'

const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 32)
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 20)
const POOL = Number(process.env['BENCH_POOL'] ?? 10) // the service's MARIADB_POOL_SIZE default
const STOCK = Number(process.env['BENCH_STOCK'] ?? 0)
const BASELINE_ONLY = process.env['BENCH_BASELINE_ONLY'] === '1'
const ORIGINAL = { ordersPerS: 32.6, p95Ms: 425 }

// Scratch tables in order's database with the columns an order write touches (original §6.4; the service's own schema
// may differ in detail), dropped afterwards. `bench_outbox` copies the platform outbox's shape but is no `outbox`:
// Debezium ignores it.
const scratch = [
  `CREATE TABLE IF NOT EXISTS bench_orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, order_no VARCHAR(40) NOT NULL UNIQUE,
    user_id BIGINT NOT NULL, status VARCHAR(32) NOT NULL, subtotal_amount BIGINT NOT NULL, discount_amount BIGINT NOT NULL,
    shipping_fee BIGINT NOT NULL, total_amount BIGINT NOT NULL, refunded_amount BIGINT NOT NULL, shipping_address TEXT NOT NULL,
    created_at DATETIME(3) NOT NULL, updated_at DATETIME(3) NOT NULL, KEY (user_id, created_at))`,
  `CREATE TABLE IF NOT EXISTS bench_order_items (id BIGINT AUTO_INCREMENT PRIMARY KEY, order_id BIGINT NOT NULL,
    sku_id BIGINT NOT NULL, product_name VARCHAR(200) NOT NULL, option_values TEXT NOT NULL, quantity INT NOT NULL,
    unit_price BIGINT NOT NULL, line_amount BIGINT NOT NULL, status VARCHAR(16) NOT NULL, KEY (order_id))`,
  `CREATE TABLE IF NOT EXISTS bench_order_history (id BIGINT AUTO_INCREMENT PRIMARY KEY, order_id BIGINT NOT NULL,
    from_status VARCHAR(32), to_status VARCHAR(32) NOT NULL, reason VARCHAR(100), created_at DATETIME(3) NOT NULL, KEY (order_id))`,
  'CREATE TABLE IF NOT EXISTS bench_outbox LIKE outbox',
]

async function bareTransaction(pool: mysql.Pool, userId: number) {
  const conn = await pool.getConnection()
  try {
    const now = new Date()
    const orderNo = `ORD-${now.toISOString().slice(0, 10).replaceAll('-', '')}-${crypto.randomUUID().replaceAll('-', '').slice(0, 16).toUpperCase()}`
    await conn.beginTransaction()
    const [order] = await conn.execute<mysql.ResultSetHeader>(
      `INSERT INTO bench_orders (order_no, user_id, status, subtotal_amount, discount_amount, shipping_fee, total_amount,
        refunded_amount, shipping_address, created_at, updated_at) VALUES (?, ?, 'CREATED', 10000, 0, 0, 10000, 0, ?, ?, ?)`,
      [orderNo, userId, JSON.stringify({ recipient: 'bench', zipCode: '06236' }), now, now],
    )
    const orderId = order.insertId
    await conn.execute(
      `INSERT INTO bench_order_items (order_id, sku_id, product_name, option_values, quantity, unit_price, line_amount, status)
        VALUES (?, 1, 'bench product', '{}', 1, 10000, 10000, 'ORDERED')`,
      [orderId],
    )
    await conn.execute(
      `INSERT INTO bench_order_history (order_id, from_status, to_status, reason, created_at) VALUES (?, NULL, 'CREATED', 'placed', ?)`,
      [orderId, now],
    )
    const id = crypto.randomUUID()
    const event = {
      specversion: '1.0',
      id,
      type: 'order.placed',
      data: { orderId, orderNo, userId, payableAmount: 10000 },
    }
    await conn.execute(
      `INSERT INTO bench_outbox (id, aggregate_type, aggregate_id, type, payload, created_at) VALUES (?, 'order', ?, 'order.placed', ?, ?)`,
      [id, String(orderId), JSON.stringify(event), now],
    )
    await conn.commit()
    return true
  } catch (error) {
    await conn.rollback()
    throw error
  } finally {
    conn.release()
  }
}

async function baseline() {
  const pool = mysql.createPool({ uri: testEnv().databaseUrl('order'), connectionLimit: POOL })
  for (const statement of scratch) await pool.query(statement)
  await closedModel({ clients: CLIENTS, seconds: 2 }, (c) => bareTransaction(pool, c + 1)) // warm-up
  const run = await closedModel({ clients: CLIENTS, seconds: SECONDS }, (c) => bareTransaction(pool, c + 1))
  await pool.query('DROP TABLE IF EXISTS bench_orders, bench_order_items, bench_order_history, bench_outbox')
  await pool.end()
  return run
}

async function service() {
  await requireServices(['order'])
  const people = await buyers(CLIENTS)
  const skuId = await benchSku(STOCK)
  const order = async (c: number) => (await placeOrder(people[c] as never, [{ skuId, quantity: 1 }])).status === 201
  await closedModel({ clients: CLIENTS, seconds: 2 }, order) // warm-up
  return closedModel({ clients: CLIENTS, seconds: SECONDS }, order)
}

console.log(`closed model: ${CLIENTS} clients, ${SECONDS} s each, pool ${POOL}`)
const serviceRun = BASELINE_ONLY ? undefined : await service()
const bareRun = await baseline()
const rate = (r: { ok: number; elapsedS: number }) => r.ok / r.elapsedS
const rows: [string, ReturnType<typeof summarize>][] = [
  ['bare mysql2 transaction (baseline)', summarize(bareRun.latencies)],
]
if (serviceRun) rows.unshift(['POST /api/orders (the stack)', summarize(serviceRun.latencies)])
console.log(formatTable(rows))
console.log(`bare mysql2: ${rate(bareRun).toFixed(1)} orders/s (${bareRun.failed} failed)`)
if (serviceRun) {
  const ratio = rate(serviceRun) / rate(bareRun)
  const p95 = summarize(serviceRun.latencies).p95
  console.log(
    `POST /api/orders: ${rate(serviceRun).toFixed(1)} orders/s (${serviceRun.failed} not 201), p95 ${p95.toFixed(0)} ms`,
  )
  console.log(`ratio ${ratio.toFixed(2)}× the bare script (target ≥ 0.5×): ${ratio >= 0.5 ? 'MET' : 'MISSED'}`)
  console.log(`the original: ${ORIGINAL.ordersPerS} orders/s at p95 ${ORIGINAL.p95Ms} ms (50 users, 1 s think time)`)
}
process.exit(0)
