// CDC hop benchmark (issue #3): outbox commit → Debezium → Kafka → consumer, against the broker's own
// produce → consume latency with the same client and payload size, both at a fixed rate, in the same run.
//   bun platform/bench/cdc-hop.ts            (stack up first: npm run up)
//   BENCH_SECONDS=30 BENCH_RATE=100 BENCH_DEFAULT_POLL_SECONDS=15
import { createDb } from '../src/db'
import { createKafka, ensureTopics, openProducer } from '../src/kafka'
import { tapTopics, testEnv } from '../src/testing'
import { putConnector, waitUntilRunning } from '../stack/provision/connect-client'
import {
  connectorName,
  DEBEZIUM_DEFAULT_POLL_INTERVAL_MS,
  outboxConnectorConfig,
  TUNED_POLL_INTERVAL_MS,
} from '../stack/provision/connector-config'
import { endpointsFromEnv, serviceDatabases } from '../stack/provision/topology'
import { writeNote } from '../test/lab/notes'
import { formatTable, nowMs, type Summary, summarize } from './stats'

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 30)
const RATE = Number(process.env['BENCH_RATE'] ?? 100)
const DEFAULT_POLL_SECONDS = Number(process.env['BENCH_DEFAULT_POLL_SECONDS'] ?? 15)
const BASELINE_TOPIC = 'commerce.bench.events'
const LAB_TOPIC = 'commerce.lab.events'

const env = testEnv()
const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: 'bench-cdc-hop' })
const { db, close } = createDb({ url: env.databaseUrl('lab'), poolSize: 8 })
const found = serviceDatabases.find((d) => d.service === 'lab')
if (!found) throw new Error('lab database missing from the topology')
const lab = found
const endpoints = endpointsFromEnv(process.env)

/** Collects `sentAt` → receive latency for every record on `topic` that carries one of `run`'s ids. */
async function listen(topic: string, extract: (value: string) => { run?: string; sentAt?: number }, run: string) {
  const tap = await tapTopics(kafka, [topic])
  const latencies = () =>
    tap.records.flatMap((r) => {
      const { run: seen, sentAt } = extract(r.value ?? '{}')
      return seen === run && sentAt !== undefined ? [r.receivedAt - sentAt] : []
    })
  return { latencies, stop: () => tap.close() }
}

/** Calls `send(i)` RATE times a second for `seconds`, on an absolute schedule so a slow call does not shift the rest. */
async function paced(seconds: number, send: (i: number) => Promise<unknown>): Promise<number> {
  const total = seconds * RATE
  const start = performance.now()
  const inFlight: Promise<unknown>[] = []
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE
    const wait = due - performance.now()
    if (wait > 0) await Bun.sleep(wait)
    inFlight.push(send(i))
  }
  await Promise.all(inFlight)
  return total
}

async function drain(latencies: () => number[], expected: number): Promise<number[]> {
  const deadline = performance.now() + 30_000
  while (latencies().length < expected && performance.now() < deadline) await Bun.sleep(50)
  return latencies()
}

async function brokerBaseline(payloadBytes: number): Promise<Summary> {
  await ensureTopics(kafka, [{ topic: BASELINE_TOPIC, partitions: 3 }])
  const run = `baseline-${Date.now()}`
  const listener = await listen(BASELINE_TOPIC, (v) => JSON.parse(v), run)
  const producer = await openProducer(kafka)
  const padding = 'x'.repeat(Math.max(0, payloadBytes - 80))
  const sent = await paced(SECONDS, (i) =>
    producer.send(BASELINE_TOPIC, [{ key: String(i), value: JSON.stringify({ run, sentAt: nowMs(), padding }) }]),
  )
  const latencies = await drain(listener.latencies, sent)
  await Promise.all([producer.close(), listener.stop()])
  return summarize(latencies)
}

async function cdcHop(seconds: number): Promise<Summary> {
  const run = `hop-${Date.now()}`
  const listener = await listen(
    LAB_TOPIC,
    (v) => {
      const data = JSON.parse(v).data ?? {}
      return { run: String(data.body ?? '').split(' ')[0], sentAt: data.sentAt }
    },
    run,
  )
  const sent = await paced(seconds, (i) => writeNote(db, `${run} ${i}`, { sentAt: nowMs() }))
  const latencies = await drain(listener.latencies, sent)
  await listener.stop()
  return summarize(latencies)
}

async function withPollInterval(pollIntervalMs: number): Promise<void> {
  const name = connectorName(lab)
  await putConnector(endpoints.connectUrl, name, outboxConnectorConfig(lab, endpoints, { pollIntervalMs }))
  await waitUntilRunning(endpoints.connectUrl, name)
}

async function payloadSize(): Promise<number> {
  const { outgoing } = await writeNote(db, 'size probe', { sentAt: nowMs() })
  return JSON.stringify(outgoing.event).length
}

const bytes = await payloadSize()
console.log(`payload ≈ ${bytes} bytes, ${RATE} events/s for ${SECONDS} s per run`)
const broker = await brokerBaseline(bytes)
const hop = await cdcHop(SECONDS)
await withPollInterval(DEBEZIUM_DEFAULT_POLL_INTERVAL_MS)
let hopDefault: Summary
try {
  hopDefault = await cdcHop(DEFAULT_POLL_SECONDS)
} finally {
  await withPollInterval(TUNED_POLL_INTERVAL_MS)
}
await close()

console.log(
  formatTable([
    ['broker produce→consume (baseline)', broker],
    [`CDC hop, poll.interval.ms=${TUNED_POLL_INTERVAL_MS}`, hop],
    [`CDC hop, poll.interval.ms=${DEBEZIUM_DEFAULT_POLL_INTERVAL_MS} (default)`, hopDefault],
  ]),
)
const dp50 = hop.p50 - broker.p50
const dp99 = hop.p99 - broker.p99
console.log(
  `hop − broker: p50 +${dp50.toFixed(1)} ms (target ≤ 25), p95 +${(hop.p95 - broker.p95).toFixed(1)} ms, p99 +${dp99.toFixed(1)} ms (target ≤ 60), max +${(hop.max - broker.max).toFixed(1)} ms`,
)
console.log(`targets: ${dp50 <= 25 && dp99 <= 60 ? 'MET' : 'MISSED'}`)
process.exit(0)
