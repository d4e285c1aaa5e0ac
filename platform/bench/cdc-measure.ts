// Measurements the CDC benchmarks share: a paced load, the hop through CDC next to the broker's own hop in the same
// window, a burst for the events/s ceiling, and a process's CPU over a window.
import type { Pool } from 'mysql2/promise'
import type { Db } from '../src/db'
import { type KafkaClient, openProducer } from '../src/kafka'
import { type TappedRecord, tapTopics } from '../src/testing'
import { writeNote } from '../test/lab/notes'
import { nowMs, type Summary, summarize } from './stats'

/** Calls `send(i)` `rate` times a second for `seconds`, on an absolute schedule so a slow call does not shift the rest. */
export async function paced(
  { seconds, rate }: { seconds: number; rate: number },
  send: (i: number) => Promise<unknown>,
): Promise<number> {
  const total = Math.round(seconds * rate)
  const start = performance.now()
  const inFlight: Promise<unknown>[] = []
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / rate - performance.now()
    if (wait > 0) await Bun.sleep(wait)
    inFlight.push(send(i))
  }
  await Promise.all(inFlight)
  return total
}

/** `run` and `sentAt` of a bench record: the broker baseline's JSON, a lab note's event, or a burst row's event. */
function stamp(record: TappedRecord): { run?: string; sentAt?: number } {
  try {
    const value = JSON.parse(record.value ?? '{}')
    if (value.run !== undefined) return value
    const data = value.data ?? {}
    return { run: data.run ?? String(data.body ?? '').split(' ')[0], sentAt: data.sentAt }
  } catch {
    return {}
  }
}

/** Latency samples (receive − sentAt) of `run`'s records on `topic`. */
function samples(records: TappedRecord[], topic: string, run: string): { latency: number; receivedAt: number }[] {
  return records.flatMap((r) => {
    if (r.topic !== topic) return []
    const { run: seen, sentAt } = stamp(r)
    return seen === run && sentAt !== undefined ? [{ latency: r.receivedAt - sentAt, receivedAt: r.receivedAt }] : []
  })
}

async function drain(count: () => number, expected: number, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (count() < expected && performance.now() < deadline) await Bun.sleep(50)
}

/** CPU of `cpuSeconds` over the time `fn` takes, as % of one core. */
export async function cpuDuring<T>(
  cpuSeconds: () => number,
  fn: () => Promise<T>,
): Promise<{ result: T; cpu: number }> {
  const [cpu0, t0] = [cpuSeconds(), performance.now()]
  const result = await fn()
  const cpu = ((cpuSeconds() - cpu0) * 100_000) / (performance.now() - t0)
  return { result, cpu }
}

export interface HopContext {
  kafka: KafkaClient
  labDb: Db
  /** Where the lab outbox's events arrive through the connector under test. */
  hopTopic: string
  baselineTopic: string
  payloadBytes: number
}

/**
 * The CDC hop (lab note commit → connector → `hopTopic` → this consumer) and the broker's own produce → consume hop
 * (same client, same payload size) at the same rate in the same window, so both see the same machine.
 */
export async function hopWithBaseline(ctx: HopContext, load: { seconds: number; rate: number }) {
  const run = `hop-${Date.now()}-${Math.floor(Math.random() * 1e6)}`
  await using tap = await tapTopics(ctx.kafka, [ctx.hopTopic, ctx.baselineTopic])
  await using producer = await openProducer(ctx.kafka)
  const padding = 'x'.repeat(Math.max(0, ctx.payloadBytes - 80))
  const eventIds: string[] = []
  const [sent] = await Promise.all([
    paced(load, async (i) => {
      const { outgoing } = await writeNote(ctx.labDb, `${run} ${i}`, { sentAt: nowMs() })
      eventIds.push(outgoing.event.id)
    }),
    paced(load, (i) =>
      producer.send(ctx.baselineTopic, [{ key: String(i), value: JSON.stringify({ run, sentAt: nowMs(), padding }) }]),
    ),
  ])
  await drain(() => samples(tap.records, ctx.hopTopic, run).length, sent)
  await drain(() => samples(tap.records, ctx.baselineTopic, run).length, sent)
  const latencies = (topic: string) => samples(tap.records, topic, run).map((s) => s.latency)
  return { hop: summarize(latencies(ctx.hopTopic)), broker: summarize(latencies(ctx.baselineTopic)), eventIds }
}

/** An outbox row routed to the lab topic with a type no lab consumer handles (they skip it), stamped for the bench. */
function burstRow(run: string, i: number) {
  const id = Bun.randomUUIDv7()
  const now = new Date()
  const event = {
    specversion: '1.0',
    id,
    source: '/bench/cdc-burst',
    type: 'lab.bench.burst',
    subject: `burst/${i}`,
    time: now.toISOString(),
    datacontenttype: 'application/json',
    dataschema: 'urn:commerce:schema:lab.bench.burst:v1',
    correlationid: id,
    causationid: id,
    data: { run, sentAt: nowMs() },
  }
  return [id, 'lab', `burst-${i}`, event.type, JSON.stringify(event), now] as const
}

export interface BurstResult {
  offered: number
  offeredPerSecond: number
  deliveredPerSecond: number
  delivered: Summary
  eventIds: string[]
}

/**
 * Offers `rate` outbox rows a second for `seconds` (`rowsPerTx` rows per transaction) and measures how fast they come
 * out of CDC: delivered events/s = records / (last receive − first send). Below the offered rate means CDC is the ceiling.
 */
export async function burst(
  ctx: HopContext & { labPool: Pool },
  load: { seconds: number; rate: number; rowsPerTx: number },
): Promise<BurstResult> {
  const run = `burst-${Date.now()}-${Math.floor(Math.random() * 1e6)}`
  await using tap = await tapTopics(ctx.kafka, [ctx.hopTopic])
  const eventIds: string[] = []
  const start = nowMs()
  const statements = await paced({ seconds: load.seconds, rate: load.rate / load.rowsPerTx }, async (s) => {
    const rows = Array.from({ length: load.rowsPerTx }, (_, k) => burstRow(run, s * load.rowsPerTx + k))
    for (const row of rows) eventIds.push(row[0])
    await ctx.labPool.query(
      'INSERT INTO outbox (id, aggregate_type, aggregate_id, type, payload, created_at) VALUES ?',
      [rows],
    )
  })
  const offeredSeconds = (nowMs() - start) / 1000
  const offered = statements * load.rowsPerTx
  await drain(() => samples(tap.records, ctx.hopTopic, run).length, offered, 120_000)
  const got = samples(tap.records, ctx.hopTopic, run)
  const last = Math.max(...got.map((s) => s.receivedAt))
  return {
    offered,
    offeredPerSecond: offered / offeredSeconds,
    deliveredPerSecond: (got.length * 1000) / (last - start),
    delivered: summarize(got.map((s) => s.latency)),
    eventIds,
  }
}
