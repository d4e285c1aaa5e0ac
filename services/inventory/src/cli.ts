// Inventory operations (README "Operations"): npm run inventory -- <rebuild|reconcile> [options]
import { parseArgs } from 'node:util'
import { createDb } from '@commerce/platform/db'
import { createLogger } from '@commerce/platform/log'
import { createRedis } from '@commerce/platform/redis'
import { loadOpsConfig } from './config'
import * as schema from './db/schema'
import { type RebuildReport, rebuildIfEmpty, rebuildRedis } from './use-cases/rebuild-redis'
import { type ReconcileReport, reconcile, type SkuDrift } from './use-cases/reconcile'

const usage = `usage: inventory rebuild [--if-empty] [--grace-ms N] [--json]
       inventory reconcile [--sku all|ID,ID…] [--order all|ID,ID…] [--settle-ms N] [--batch N] [--json]
         (no --sku/--order: every SKU and open reservation; one of them alone: only that part)
exit codes: 0 rebuilt / clean; 1 not rebuilt (another rebuild holds the lock) / drift found; 2 usage or failure`

const options = {
  json: { type: 'boolean', default: false },
  'if-empty': { type: 'boolean', default: false },
  'grace-ms': { type: 'string' },
  sku: { type: 'string', multiple: true },
  order: { type: 'string', multiple: true },
  'settle-ms': { type: 'string' },
  batch: { type: 'string' },
} as const

function parse() {
  try {
    return parseArgs({ allowPositionals: true, options })
  } catch (error) {
    // An unknown flag is a usage error (2), never "drift found" (1).
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`)
    process.exit(2)
  }
}

const { values, positionals } = parse()

class UsageError extends Error {}

const write = (text: string) => process.stdout.write(`${text}\n`)

/** `--sku 1,2 --sku 3` → [1, 2, 3]; `--sku all` → 'all'; undefined when the flag is absent. */
function ids(flag: string[] | undefined): number[] | 'all' | undefined {
  if (!flag) return undefined
  if (flag.length === 1 && flag[0] === 'all') return 'all'
  const parsed = flag.flatMap((v) => v.split(',')).map((v) => Number(v.trim()))
  if (parsed.some((id) => !Number.isSafeInteger(id) || id < 1)) throw new UsageError(`not an id list: ${flag}`)
  return parsed
}

function count(flag: string | undefined): number | undefined {
  if (flag === undefined) return undefined
  const value = Number(flag)
  if (!Number.isSafeInteger(value) || value < 0) throw new UsageError(`not a count: ${flag}`)
  return value
}

const pair = (p: { available: number | null; reserved: number | null } | null) =>
  p ? `available=${p.available ?? '∅'} reserved=${p.reserved ?? '∅'}` : 'none'

const skuLine = (d: SkuDrift) =>
  `sku ${d.skuId} [${d.problems.join(', ')}] redis: ${pair(d.redis)} | balance: ${pair(d.balance)} | ledger: ${pair(d.ledger)}`

function printReconcile(report: ReconcileReport) {
  if (values.json) return write(JSON.stringify(report))
  for (const d of report.skuDrift) write(skuLine(d))
  for (const d of report.reservationDrift) {
    const side = (s: typeof d.redis) =>
      s ? `${s.status} ${s.items.map((i) => `${i.skuId}x${i.quantity}`).join(',')} until ${s.expiresAt ?? '∅'}` : 'none'
    write(`order ${d.orderId} [${d.problems.join(', ')}] redis: ${side(d.redis)} | mariadb: ${side(d.mariadb)}`)
  }
  const drifts = report.skuDrift.length + report.reservationDrift.length
  write(
    `reconcile: ${report.skus} SKUs (${report.scope.skus}), ${report.reservations} reservations ` +
      `(${report.scope.reservations}) checked, ` +
      `${drifts} drift${drifts === 1 ? '' : 's'} in ${report.durationMs} ms`,
  )
}

function printRebuild(report: RebuildReport | undefined) {
  if (values.json) return write(JSON.stringify(report ?? { rebuilt: false, ready: true }))
  if (!report) return write('rebuild: Redis holds stock (inventory:ready is set); nothing to do')
  if (!report.rebuilt) return write('rebuild: another rebuild held the lock; not rebuilt here')
  write(
    `rebuild: ${report.skus} SKUs, ${report.reservations} open and ${report.finished} finished reservations restored, ` +
      `${report.orphans} orphan keys deleted, in ${report.durationMs} ms`,
  )
}

async function main(): Promise<number> {
  const command = positionals[0]
  if (command !== 'rebuild' && command !== 'reconcile') throw new UsageError(`unknown command: ${command ?? '(none)'}`)
  const config = loadOpsConfig()
  const logger = createLogger({ service: 'inventory-cli' }, { level: config.LOG_LEVEL, destination: process.stderr })
  const handle = createDb({ url: config.MARIADB_URL, poolSize: 2, schema })
  await using redis = createRedis(config.REDIS_URL, {}, logger)
  try {
    const deps = { db: handle.db, redis, logger }
    if (command === 'rebuild') {
      const graceMs = count(values['grace-ms'])
      const options = { retentionS: config.INVENTORY_RECORD_RETENTION_S, ...(graceMs === undefined ? {} : { graceMs }) }
      // --if-empty waits for another replica's rebuild (or fails past its bound); a forced one does not wait.
      if (values['if-empty']) {
        printRebuild(await rebuildIfEmpty(deps, options))
        return 0
      }
      const report = await rebuildRedis(deps, options)
      printRebuild(report)
      return report.rebuilt ? 0 : 1
    }
    const skuIds = ids(values.sku)
    const orderIds = ids(values.order)
    const settleMs = count(values['settle-ms'])
    const batchSize = count(values.batch)
    const report = await reconcile(deps, {
      ...(skuIds ? { skuIds } : {}),
      ...(orderIds ? { orderIds } : {}),
      ...(settleMs === undefined ? {} : { settleMs }),
      ...(batchSize ? { batchSize } : {}),
    })
    printReconcile(report)
    return report.skuDrift.length + report.reservationDrift.length > 0 ? 1 : 0
  } finally {
    await handle.close()
  }
}

try {
  process.exitCode = await main()
} catch (error) {
  process.stderr.write(`${error instanceof UsageError ? `${error.message}\n${usage}` : String(error)}\n`)
  process.exitCode = 2
}
