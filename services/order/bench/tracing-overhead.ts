// Tracing overhead (issue 13 §2, "Measure"): checkout saga throughput and latency with tracing ON vs OFF in one run.
// Restarts the stack's services from this checkout once per phase (BENCH_PHASES, default off,on,on,off:
// TRACING_ENABLED=false, or true with spans exported over OTLP/HTTP to a receiver this script runs on the test
// overlay's port, as a collector would take them), and drives the same closed-model checkout load through each:
// BENCH_CLIENTS buyers, each looping place → READY → confirm → CONFIRMED for BENCH_SECONDS after a warm-up. Metrics
// stay on in both phases (there is no switch for them). Not a test. Needs the whole stack and the lock other users of
// it take (platform/README "Tracing"); it leaves the services running this checkout (restart them afterwards):
//   STACK_DIR=/work/main/.stack bun services/order/bench/tracing-overhead.ts   BENCH_CLIENTS=8 BENCH_SECONDS=30
//
// Targets: throughput loss ≤ 5 %, added p99 ≤ 2 ms per hop. A checkout crosses HOPS hops on its critical path: the two
// requests the buyer makes (POST /api/orders, which calls catalog; POST /api/payments/confirm, which calls the PG) and
// the five outbox → consumer hops of the saga (order.placed → inventory, stock.reserved → payment, payment.completed →
// order, order.confirmed → inventory, stock.confirmed → order).
import { join } from 'node:path'
import { formatTable, type Summary, summarize } from '@commerce/platform/bench'
// biome-ignore lint/style/noRestrictedImports: e2e/ is the stack's HTTP harness (no service): benches drive the stack with it
import { startOtlpReceiver } from '../../../e2e/src/otlp-receiver'
import { benchSku, buyers, closedModel, e2eConfig, requireServices } from './bench-setup'
import { type Buyer, checkout } from './checkout-flow'

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 30)
const WARMUP_SECONDS = Number(process.env['BENCH_WARMUP_SECONDS'] ?? 5)
const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 8)
const POLL_MS = Number(process.env['BENCH_POLL_MS'] ?? 10)
const HOPS = 7
const root = join(import.meta.dir, '../../..')

/**
 * The stack's services restarted from this checkout with production defaults (the test overlay's 200 ms batch delay
 * would export ~25× as often as the SDK's 5 s default) and tracing on or off, exporting to this script's receiver.
 */
function restartServices(tracing: boolean): void {
  console.log(`restarting the services with TRACING_ENABLED=${tracing}`)
  const env = {
    ...process.env,
    STACK_PROFILE: 'default',
    TRACING_ENABLED: String(tracing),
    OTEL_EXPORTER_OTLP_ENDPOINT: e2eConfig.OTEL_EXPORTER_OTLP_ENDPOINT,
  }
  const run = Bun.spawnSync(['bash', 'platform/stack/bin/stack', 'restart-services'], {
    cwd: root,
    env,
    stdout: 'ignore',
  })
  if (run.exitCode !== 0) throw new Error(`restart-services failed (${run.exitCode}): ${run.stderr.toString()}`)
}

async function phase(tracing: boolean, people: Buyer[], skuId: number) {
  restartServices(tracing)
  const worker = async (client: number) =>
    typeof (await checkout(people[client % people.length] as Buyer, { skuId, pollMs: POLL_MS })) === 'number'
  await closedModel({ clients: CLIENTS, seconds: WARMUP_SECONDS }, worker)
  const run = await closedModel({ clients: CLIENTS, seconds: SECONDS }, worker)
  return { ...run, throughput: run.ok / run.elapsedS, latency: summarize(run.latencies) }
}

await requireServices(['order', 'payment'])
const people = await buyers(CLIENTS)
const skuId = await benchSku(CLIENTS * (SECONDS + WARMUP_SECONDS) * 2 * 40)
console.log(
  `closed model: ${CLIENTS} buyers checking out for ${SECONDS} s (after ${WARMUP_SECONDS} s warm-up) per phase`,
)

// ABBA order (OFF, ON, ON, OFF by default): a drift over the run (a group still settling after the first restart, tables
// growing) weighs on both sides alike instead of on whichever phase comes first.
const order = (process.env['BENCH_PHASES'] ?? 'off,on,on,off').split(',').map((p) => p.trim() === 'on')
const runs: { on: boolean; result: Awaited<ReturnType<typeof phase>> }[] = []
using receiver = startOtlpReceiver(e2eConfig.OTEL_EXPORTER_OTLP_ENDPOINT)
for (const tracing of order) runs.push({ on: tracing, result: await phase(tracing, people, skuId) })

const pooled = (tracing: boolean) => {
  const mine = runs.filter((r) => r.on === tracing).map((r) => r.result)
  const ok = mine.reduce((sum, r) => sum + r.ok, 0)
  const elapsedS = mine.reduce((sum, r) => sum + r.elapsedS, 0)
  const failed = mine.reduce((sum, r) => sum + r.failed, 0)
  return { ok, failed, throughput: ok / elapsedS, latency: summarize(mine.flatMap((r) => r.latencies)) }
}
const off = pooled(false)
const on = pooled(true)
const pct = (n: number) => `${(n * 100).toFixed(1)} %`
const loss = 1 - on.throughput / off.throughput
const addedP99PerHop = (on.latency.p99 - off.latency.p99) / HOPS
console.log(
  formatTable([
    ...runs.map((r, i): [string, Summary] => [
      `phase ${i + 1} tracing ${r.on ? 'ON ' : 'OFF'} (${r.result.throughput.toFixed(2)}/s)`,
      r.result.latency,
    ]),
    ['checkout, tracing OFF (all OFF phases)', off.latency],
    ['checkout, tracing ON  (all ON phases)', on.latency],
  ]),
)
console.log(
  `throughput OFF ${off.throughput.toFixed(2)}/s (${off.failed} failed), ON ${on.throughput.toFixed(2)}/s (${on.failed} failed); ON/OFF ${(on.throughput / off.throughput).toFixed(3)}`,
)
console.log(
  `spans received: ${receiver.count()} (${(receiver.count() / Math.max(1, on.ok)).toFixed(1)} per checkout, warm-ups included)`,
)
console.log(`throughput loss ${pct(loss)} (target ≤ 5 %): ${loss <= 0.05 ? 'MET' : 'MISSED'}`)
console.log(
  `p99 ON − OFF ${(on.latency.p99 - off.latency.p99).toFixed(1)} ms over ${HOPS} hops = ${addedP99PerHop.toFixed(2)} ms per hop (target ≤ 2 ms): ${addedP99PerHop <= 2 ? 'MET' : 'MISSED'}`,
)
process.exit(0)
