// Quick check of the stack's own CDC hop as provisioned (outbox commit → the shared Connect worker → Kafka →
// consumer), against the broker's own produce → consume latency with the same client and payload size, both at a
// fixed rate in the same window. Changes nothing. To compare layouts and settings: cdc-layouts.ts.
//   bun platform/bench/cdc-hop.ts            (stack up first: npm run up)
//   BENCH_SECONDS=30 BENCH_RATE=100
import { inArray } from 'drizzle-orm'
import { createDb, outbox } from '../src/db'
import { createKafka, deleteTopics, ensureTopics } from '../src/kafka'
import { testEnv } from '../src/testing'
import { writeNote } from '../test/lab/notes'
import { hopWithBaseline } from './cdc-measure'
import { TARGETS } from './cdc-report'
import { formatTable, nowMs } from './stats'

const load = { seconds: Number(process.env['BENCH_SECONDS'] ?? 30), rate: Number(process.env['BENCH_RATE'] ?? 100) }
const baselineTopic = `bench.${Date.now().toString(36)}.broker-baseline`

const env = testEnv()
const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: 'bench-cdc-hop' })
const { db, close } = createDb({ url: env.databaseUrl('lab'), poolSize: 8 })
const payloadBytes = JSON.stringify((await writeNote(db, 'size probe', { sentAt: nowMs() })).outgoing.event).length
console.log(`payload ≈ ${payloadBytes} bytes, ${load.rate} events/s for ${load.seconds} s`)
await ensureTopics(kafka, [{ topic: baselineTopic, partitions: 3 }])
const { hop, broker, eventIds } = await hopWithBaseline(
  { kafka, labDb: db, hopTopic: 'commerce.lab.events', baselineTopic, payloadBytes },
  load,
)
await deleteTopics(kafka, [baselineTopic])
// Published already; a later snapshot of the lab outbox would otherwise republish them all.
for (let i = 0; i < eventIds.length; i += 1000)
  await db.delete(outbox).where(inArray(outbox.id, eventIds.slice(i, i + 1000)))
await close()

console.log(
  formatTable([
    ['broker produce→consume (baseline)', broker],
    ['CDC hop (the stack as provisioned)', hop],
  ]),
)
const dp50 = hop.p50 - broker.p50
const dp99 = hop.p99 - broker.p99
console.log(
  `hop − broker: p50 +${dp50.toFixed(1)} ms (target ≤ ${TARGETS.p50}), p95 +${(hop.p95 - broker.p95).toFixed(1)} ms, ` +
    `p99 +${dp99.toFixed(1)} ms (target ≤ ${TARGETS.p99}), max +${(hop.max - broker.max).toFixed(1)} ms`,
)
console.log(`targets: ${dp50 <= TARGETS.p50 && dp99 <= TARGETS.p99 ? 'MET' : 'MISSED'}`)
process.exit(0)
