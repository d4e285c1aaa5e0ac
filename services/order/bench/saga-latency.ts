// Saga latency (issue 11, measure 2): an open model at BENCH_RATE orders/s for BENCH_SECONDS, a client that confirms the
// payment as soon as it is READY; the time from the POST /api/orders response to the order read CONFIRMED, p50/p95/p99,
// beside N × the CDC hop measured in the same window (platform/bench/cdc-measure.ts hopWithBaseline, on the lab
// outbox at BENCH_HOP_RATE events/s). Targets: p99 ≤ N × hop p99; indication p99 ≤ 400 ms. Not a test. Needs the
// stack up with order and payment built:
//   bun services/order/bench/saga-latency.ts   BENCH_RATE=50 BENCH_SECONDS=60 BENCH_HOP_RATE=20 BENCH_POLL_MS=10
//
// N = 5 outbox → consumer hops on the happy path's critical path: order.placed → inventory, stock.reserved → payment
// (payment READY; stock.reserved → order runs beside it), [the client's confirm, synchronous], payment.completed →
// order, order.confirmed → inventory, stock.confirmed → order. Each status is seen by polling every BENCH_POLL_MS, which
// adds up to that much per wait (two waits per order) to the measured time.
import { formatTable, type Summary, summarize } from '@commerce/platform/bench'
import { createDb, outbox } from '@commerce/platform/db'
import { createKafka, deleteTopics, ensureTopics } from '@commerce/platform/kafka'
import { testEnv } from '@commerce/platform/testing'
import { inArray } from 'drizzle-orm'
import { hopWithBaseline } from '../../../platform/bench/cdc-measure'
import { writeNote } from '../../../platform/test/lab/notes'
import { benchSku, buyers, requireServices } from './bench-setup'
import { type Buyer, checkout } from './checkout-flow'

const RATE = Number(process.env['BENCH_RATE'] ?? 50)
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 60)
const HOP_RATE = Number(process.env['BENCH_HOP_RATE'] ?? 20)
const POLL_MS = Number(process.env['BENCH_POLL_MS'] ?? 10)
const BUYERS = Number(process.env['BENCH_BUYERS'] ?? 50)
const HOPS = 5

/** The open model: one checkout started every 1/RATE s whatever the others do. */
async function openModel(people: Buyer[], skuId: number) {
  const runs: Promise<number | string>[] = []
  const started = performance.now()
  for (let i = 0; i < RATE * SECONDS; i++) {
    const due = started + (i * 1000) / RATE
    if (due > performance.now()) await Bun.sleep(due - performance.now())
    runs.push(checkout(people[i % people.length] as Buyer, { skuId, pollMs: POLL_MS }))
  }
  return Promise.all(runs)
}

await requireServices(['order', 'payment'])
const people = await buyers(BUYERS)
const skuId = await benchSku(Math.ceil(RATE * SECONDS * 1.2))
const env = testEnv()
const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: 'bench-saga-latency' })
const lab = createDb({ url: env.databaseUrl('lab'), poolSize: 4 })
const baselineTopic = `bench.${Date.now().toString(36)}.broker-baseline`
await ensureTopics(kafka, [{ topic: baselineTopic, partitions: 3 }])
const payloadBytes = JSON.stringify((await writeNote(lab.db, 'size probe', { sentAt: 0 })).outgoing.event).length

console.log(
  `open model: ${RATE} orders/s for ${SECONDS} s (${BUYERS} buyers), CDC hop probe at ${HOP_RATE}/s alongside`,
)
const [outcomes, hops] = await Promise.all([
  openModel(people, skuId),
  hopWithBaseline(
    { kafka, labDb: lab.db, hopTopic: 'commerce.lab.events', baselineTopic, payloadBytes },
    { seconds: SECONDS, rate: HOP_RATE },
  ),
])
await deleteTopics(kafka, [baselineTopic])
// Published already; a later snapshot of the lab outbox would otherwise republish them all (as cdc-hop.ts does).
for (let i = 0; i < hops.eventIds.length; i += 1000)
  await lab.db.delete(outbox).where(inArray(outbox.id, hops.eventIds.slice(i, i + 1000)))
await lab.close()

const latencies = outcomes.filter((o): o is number => typeof o === 'number')
const failures = outcomes.filter((o): o is string => typeof o === 'string')
const saga = summarize(latencies)
const scaled = (s: Summary): Summary => ({
  count: s.count,
  p50: s.p50 * HOPS,
  p95: s.p95 * HOPS,
  p99: s.p99 * HOPS,
  max: s.max * HOPS,
})
console.log(
  formatTable([
    ['POST response → CONFIRMED', saga],
    ['CDC hop (lab outbox → Kafka → consumer)', hops.hop],
    [`${HOPS} × CDC hop`, scaled(hops.hop)],
    ['broker produce → consume (baseline)', hops.broker],
  ]),
)
if (failures.length > 0) console.log(`not confirmed: ${failures.length} (${[...new Set(failures)].join(', ')})`)
console.log(
  `p99 ${saga.p99.toFixed(0)} ms vs ${HOPS} × hop p99 ${(HOPS * hops.hop.p99).toFixed(0)} ms: ${saga.p99 <= HOPS * hops.hop.p99 ? 'MET' : 'MISSED'}; indication p99 ≤ 400 ms: ${saga.p99 <= 400 ? 'MET' : 'MISSED'}`,
)
process.exit(0)
