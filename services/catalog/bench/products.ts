// GET /api/products?categoryId=…&size=20 and GET /api/products/{id} through the whole service (spawned, pinned to core 0;
// wrk on core 1) against a baseline in the same run: the same SQL issued straight through mysql2 from this process.
// Closed model (max throughput), then an open model at half of each one's max (p95/p99 from the scheduled start).
// Not a test. Needs the stack up: `bun services/catalog/bench/products.ts`   BENCH_SECONDS=5 BENCH_CONNECTIONS=32
import { cpus } from 'node:os'
import { join } from 'node:path'
import { ensureWrk, formatTable, runWrk, type Summary, type WrkLoad } from '@commerce/platform/bench'
import { createDb } from '@commerce/platform/db'
import { spawnEnv, spawnService } from '@commerce/platform/testing'
import type { CatalogDb } from '../src/db'
import * as schema from '../src/db/schema'
import { baselineReads } from './baseline'
import { ensureBenchProducts } from './bench-data'
import { closedLoop, openLoop } from './load'

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5)
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 32)
const PRODUCTS = 10_000
const POOL = 10 // the service's pool (createDb's default)
const targets = { list: 0.5, detail: 0.6 }
const twoCores = cpus().length >= 2
const load: WrkLoad = { connections: CONNECTIONS, threads: 2, seconds: SECONDS, cpus: twoCores ? '1' : undefined }

ensureWrk()
const env: Record<string, string> = {
  ...spawnEnv('catalog'),
  AUTH_JWKS_URL: 'http://127.0.0.1:1/jwks',
  SEED_DEMO_DATA: 'false',
}
const handle = createDb({ url: env['MARIADB_URL'] ?? '', schema })
const db = handle.db as unknown as CatalogDb
const { rootId, productId } = await ensureBenchProducts(db, PRODUCTS)
await using service = await spawnService(join(import.meta.dir, '../src/main.ts'), env)
// The same service without its read cache (Redis unreachable: reads go to the database, as during a Redis outage).
await using uncached = await spawnService(join(import.meta.dir, '../src/main.ts'), {
  ...env,
  REDIS_URL: 'redis://127.0.0.1:1',
})
for (const pid of [service.child.pid, uncached.child.pid]) {
  if (twoCores) Bun.spawnSync(['taskset', '-a', '-p', '-c', '0', String(pid)])
}
const baseline = baselineReads(env['MARIADB_URL'] ?? '', POOL)

const reads = {
  list: { path: `/api/products?categoryId=${rootId}&size=20`, direct: () => baseline.list(rootId) },
  detail: { path: `/api/products/${productId}`, direct: () => baseline.detail(productId) },
}
const rows: [string, Summary][] = []
for (const [name, read] of Object.entries(reads) as [keyof typeof reads, (typeof reads)['list']][]) {
  const url = `${service.url}${read.path}`
  const warm = await fetch(url)
  if (warm.status !== 200) throw new Error(`${name} answered ${warm.status}: ${await warm.text()}`)
  await runWrk(url, { ...load, seconds: 1 })
  const viaService = await runWrk(url, load)
  if (viaService.non2xx + viaService.socketErrors > 0) throw new Error(`${name}: ${viaService.non2xx} non-2xx`)
  const direct = await closedLoop(read.direct, { concurrency: CONNECTIONS, seconds: SECONDS })
  const uncachedUrl = `${uncached.url}${read.path}`
  await runWrk(uncachedUrl, { ...load, seconds: 1 })
  const withoutCache = await runWrk(uncachedUrl, load)
  const ratio = viaService.rps / direct
  const uncachedRatio = withoutCache.rps / direct
  const verdict = (r: number) => (r >= targets[name] ? 'MET' : 'MISSED')
  console.log(
    `${name.padEnd(7)} closed: service ${viaService.rps.toFixed(0)} req/s (cached) / ${withoutCache.rps.toFixed(0)} ` +
      `(no cache), mysql2 ${direct.toFixed(0)} reads/s → ${ratio.toFixed(2)}× / ${uncachedRatio.toFixed(2)}× ` +
      `(target ≥ ${targets[name]}×: ${verdict(ratio)} / ${verdict(uncachedRatio)})`,
  )
  const atService = Math.max(1, Math.floor(viaService.rps / 2))
  const atDirect = Math.max(1, Math.floor(direct / 2))
  rows.push([
    `${name} service @ ${atService}/s`,
    await openLoop(() => fetch(url).then((r) => r.arrayBuffer()), { rate: atService, seconds: SECONDS }),
  ])
  rows.push([`${name} mysql2 @ ${atDirect}/s`, await openLoop(read.direct, { rate: atDirect, seconds: SECONDS })])
}
console.log(formatTable(rows))
console.log('original (§9.3, product list on 12 cores): ≈ 250 req/s with p95 ≈ 5 000 ms')
await baseline.close()
await handle.close()
process.exit(0)
