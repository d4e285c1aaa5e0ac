// Tracing cost per hop, in-process (issue 13 §2 "Measure", the side that needs no stack restart): what the platform
// adds to one hop when tracing records, against the same hop with tracing off, same process, alternating rounds.
//   bun platform/bench/tracing-hop.ts        (npm run bench:tracing-hop)   BENCH_SECONDS=3 BENCH_ROUNDS=3
// One hop = one request through createHttpApp carrying a sampled `traceparent` (server span), whose handler runs a
// transaction span and a Kafka consumer span with its full attributes, as an HTTP hop plus a CDC hop cost together.
// ON exports every span over OTLP/HTTP JSON (batch processor, 200 ms) to a sink in another process, as to a collector.
// Sequential requests: the per-hop time is the CPU the platform spends, throughput its inverse.
import type { CloudEvent } from '@commerce/contracts'
import { createHttpApp, ok } from '../src/http/index'
import { startConsumerSpan } from '../src/kafka/trace'
import { createLogger } from '../src/log/index'
import { endSpan, inSpan, SpanKind, setupTracing, type Tracing } from '../src/tracing/index'
import { formatTable, type Summary, summarize } from './stats'

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 3)
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3)

const event: CloudEvent<unknown> = {
  specversion: '1.0',
  id: '0193a0c2-7d3e-7cc1-9f6b-1b2c3d4e5f60',
  type: 'order.placed',
  source: '/order',
  time: new Date().toISOString(),
  datacontenttype: 'application/json',
  dataschema: 'commerce:order.placed:v1',
  subject: '1',
  correlationid: 'c',
  causationid: 'c',
  data: {},
} as CloudEvent<unknown>
const record = { topic: 'commerce.order.events', partition: 0, offset: '42', key: null, value: null }

const app = createHttpApp({ name: 'bench', version: '0', checks: {}, logger: createLogger({}, 'warn') }).get(
  '/items/:id',
  async ({ params, meta }) => {
    await inSpan({ name: 'db transaction', kind: SpanKind.INTERNAL, parent: meta.traceparent }, async () => undefined)
    const consumer = startConsumerSpan(
      'bench',
      { ...event, ...(meta.traceparent ? { traceparent: meta.traceparent } : {}) },
      record,
    )
    endSpan(consumer)
    return ok({ id: params.id })
  },
)

async function portOf(proc: ReturnType<typeof Bun.spawn>): Promise<number> {
  const reader = (proc.stdout as ReadableStream<Uint8Array>).getReader()
  let seen = ''
  while (!/listening (\d+)/.test(seen)) {
    const { value, done } = await reader.read()
    if (done) throw new Error(`sink exited: ${seen}`)
    seen += new TextDecoder().decode(value)
  }
  return Number(/listening (\d+)/.exec(seen)?.[1])
}

async function round(on: boolean, endpoint: string): Promise<{ perSecond: number; latency: Summary }> {
  const base = { serviceName: 'bench', sampleRatio: 1, batchDelayMs: 200 }
  const tracing: Tracing = setupTracing({ ...base, enabled: on, endpoint })
  const latencies: number[] = []
  const deadline = performance.now() + SECONDS * 1000
  let n = 0
  while (performance.now() < deadline) {
    const traceparent = `00-${crypto.randomUUID().replaceAll('-', '')}-00f067aa0ba902b7-01`
    const t0 = performance.now()
    const response = await app.handle(new Request(`http://localhost/items/${n}`, { headers: { traceparent } }))
    await response.arrayBuffer()
    latencies.push((performance.now() - t0) * 1000)
    n++
  }
  await tracing.shutdown()
  return { perSecond: n / SECONDS, latency: summarize(latencies) }
}

const sink = Bun.spawn(
  [
    'bun',
    '-e',
    `const s = Bun.serve({ port: 0, fetch: async (r) => { await r.arrayBuffer(); return Response.json({}) } }); console.log('listening ' + s.port)`,
  ],
  { stdout: 'pipe', stderr: 'inherit' },
)
const endpoint = `http://127.0.0.1:${await portOf(sink)}`
await round(false, endpoint) // warm-up: JIT, Elysia's compiled handlers
await round(true, endpoint)
const results = { off: [] as Awaited<ReturnType<typeof round>>[], on: [] as Awaited<ReturnType<typeof round>>[] }
for (let i = 0; i < ROUNDS; i++) {
  results.off.push(await round(false, endpoint))
  results.on.push(await round(true, endpoint))
}
sink.kill()

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN
const pick = (list: Awaited<ReturnType<typeof round>>[]) => ({
  perSecond: median(list.map((r) => r.perSecond)),
  p50: median(list.map((r) => r.latency.p50)),
  p99: median(list.map((r) => r.latency.p99)),
})
const off = pick(results.off)
const on = pick(results.on)
console.log('latency per hop in µs (the table says ms: read µs)')
console.log(formatTable(results.off.map((r, i): [string, Summary] => [`OFF round ${i + 1} (µs)`, r.latency])))
console.log(formatTable(results.on.map((r, i): [string, Summary] => [`ON  round ${i + 1} (µs, 3 spans)`, r.latency])))
const loss = 1 - on.perSecond / off.perSecond
console.log(
  `hops/s OFF ${off.perSecond.toFixed(0)}, ON ${on.perSecond.toFixed(0)}: ON/OFF ${(on.perSecond / off.perSecond).toFixed(3)}, loss ${(loss * 100).toFixed(1)} % of a hop's own platform time`,
)
console.log(
  `p50 per hop +${(on.p50 - off.p50).toFixed(1)} µs, p99 per hop +${(on.p99 - off.p99).toFixed(1)} µs (target ≤ 2 ms): ${(on.p99 - off.p99) / 1000 <= 2 ? 'MET' : 'MISSED'}`,
)
process.exit(0)
