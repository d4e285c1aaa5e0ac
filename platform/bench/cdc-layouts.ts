// CDC layouts × settings × JVM flags: hop latency against the broker's own hop in the same window, Kafka Connect's
// CPU idle and under load, and the events/s ceiling under a burst. Runs its OWN Connect worker (the stack's jars,
// its own group, topics and port) and removes everything it created; the shared worker is left alone.
//   STACK_DIR=/work/main/.stack bun platform/bench/cdc-layouts.ts           (stack up; full matrix ≈ 14 min)
//   BENCH_LAYOUTS=per-database,per-server  BENCH_SETTINGS=p1,p5,p10,p20,b1p500,b1p1000  BENCH_JVMS=lean
//   BENCH_SECONDS=15 BENCH_RATE=100  BENCH_IDLE_SECONDS=15 BENCH_SETTLE_SECONDS=5
//   BENCH_BURST_RATE=2000 BENCH_BURST_SECONDS=5 BENCH_BURST_ROWS_PER_TX=10 (BENCH_BURST_SECONDS=0 skips the burst)
import { join } from 'node:path'
import { createPool } from 'mysql2/promise'
import { createDb } from '../src/db'
import { createKafka, deleteTopics, ensureTopics } from '../src/kafka'
import { withAdmin } from '../src/kafka/client'
import { testEnv } from '../src/testing'
import { endpointsFromEnv } from '../stack/provision/topology'
import { writeNote } from '../test/lab/notes'
import { burst, cpuDuring, type HopContext, hopWithBaseline } from './cdc-measure'
import { printReport, type Row } from './cdc-report'
import {
  applySetting,
  benchNames,
  LAYOUTS,
  type Layout,
  layoutLeftovers,
  layoutTopics,
  removeLayout,
  SETTINGS,
} from './cdc-scenarios'
import { type BenchWorker, JVM_FLAG_SETS, startBenchWorker } from './connect-worker'
import { nowMs } from './stats'

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const list = (name: string, fallback: readonly string[]) => process.env[name]?.split(',') ?? [...fallback]
const cfg = {
  seconds: num('BENCH_SECONDS', 15),
  rate: num('BENCH_RATE', 100),
  idleSeconds: num('BENCH_IDLE_SECONDS', 15),
  settleSeconds: num('BENCH_SETTLE_SECONDS', 5),
  burst: {
    seconds: num('BENCH_BURST_SECONDS', 5),
    rate: num('BENCH_BURST_RATE', 2000),
    rowsPerTx: num('BENCH_BURST_ROWS_PER_TX', 10),
  },
  layouts: list('BENCH_LAYOUTS', LAYOUTS) as Layout[],
  settings: list('BENCH_SETTINGS', ['p1', 'p5', 'p10', 'p20', 'b1p500', 'b1p1000']),
  jvms: list('BENCH_JVMS', ['lean']),
}
for (const s of cfg.settings) if (!SETTINGS[s]) throw new Error(`unknown setting ${s}: ${Object.keys(SETTINGS)}`)
for (const j of cfg.jvms) if (!JVM_FLAG_SETS[j]) throw new Error(`unknown JVM set ${j}: ${Object.keys(JVM_FLAG_SETS)}`)

const env = testEnv()
const endpoints = endpointsFromEnv(process.env)
const stackDir = process.env['STACK_DIR'] ?? join(import.meta.dir, '../../.stack')
const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: 'bench-cdc-layouts' })
const lab = createDb({ url: env.databaseUrl('lab'), poolSize: 8 })
const labPool = createPool({ uri: env.databaseUrl('lab'), connectionLimit: 8 })
const names = benchNames(`${Date.now().toString(36)}`)
const ctx: HopContext = {
  kafka,
  labDb: lab.db,
  hopTopic: names.eventsTopic('lab'),
  baselineTopic: names.baselineTopic,
  payloadBytes: JSON.stringify((await writeNote(lab.db, 'size probe', { sentAt: nowMs() })).outgoing.event).length,
}
const serviceTopics = ['auth', 'user', 'catalog', 'inventory', 'order', 'payment', 'lab'].map(names.eventsTopic)
const created: string[] = [...serviceTopics, names.baselineTopic]
const benchEventIds: string[] = []
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`)

const idleCpu = async (worker: BenchWorker) =>
  (await cpuDuring(worker.cpuSeconds, () => Bun.sleep(cfg.idleSeconds * 1000))).cpu

async function measureSetting(worker: BenchWorker, row: Omit<Row, 'result'>): Promise<Row> {
  await Bun.sleep(cfg.settleSeconds * 1000)
  const idle = await idleCpu(worker)
  log(`${row.jvm} ${row.layout} ${row.setting}: idle ${idle.toFixed(1)} % of a core; hop at ${cfg.rate}/s`)
  const load = await cpuDuring(worker.cpuSeconds, () => hopWithBaseline(ctx, cfg))
  benchEventIds.push(...load.result.eventIds)
  const burstRun =
    cfg.burst.seconds > 0 ? await cpuDuring(worker.cpuSeconds, () => burst({ ...ctx, labPool }, cfg.burst)) : undefined
  if (burstRun) benchEventIds.push(...burstRun.result.eventIds)
  return {
    ...row,
    result: { idle, load: load.cpu, ...load.result, burst: burstRun && { ...burstRun.result, cpu: burstRun.cpu } },
  }
}

async function runLayout(worker: BenchWorker, jvm: string, layout: Layout): Promise<Row[]> {
  const sources = names.sources(layout)
  await ensureTopics(kafka, layoutTopics(sources))
  created.push(...layoutLeftovers(sources))
  const rows: Row[] = []
  try {
    for (const setting of cfg.settings) {
      log(`${jvm} ${layout} ${setting}: registering ${sources.length} connector(s)`)
      await applySetting(worker.url, { sources, endpoints, names }, SETTINGS[setting] ?? {})
      rows.push(await measureSetting(worker, { jvm, layout, setting }))
    }
  } finally {
    await removeLayout(worker.url, sources)
  }
  return rows
}

async function runJvm(jvm: string): Promise<{ rows: Row[]; bareIdle: number }> {
  log(`starting a bench Connect worker with ${jvm}: ${JVM_FLAG_SETS[jvm]?.join(' ')}`)
  const worker = await startBenchWorker({
    stackDir,
    kafkaBrokers: env.kafkaBrokers,
    jvmFlags: JVM_FLAG_SETS[jvm] ?? [],
  })
  created.push(...worker.storageTopics)
  // Interrupted (Ctrl-C): the worker is a separate process and would outlive the benchmark.
  const interrupted = () => {
    process.kill(worker.pid, 'SIGKILL')
    process.exit(130)
  }
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  try {
    await Bun.sleep(cfg.settleSeconds * 1000)
    const bareIdle = await idleCpu(worker)
    log(`${jvm}: worker without connectors idles at ${bareIdle.toFixed(1)} % of a core`)
    const rows: Row[] = []
    for (const layout of cfg.layouts) rows.push(...(await runLayout(worker, jvm, layout)))
    return { rows, bareIdle }
  } finally {
    process.off('SIGINT', interrupted)
    process.off('SIGTERM', interrupted)
    await worker.stop()
  }
}

async function cleanUp(): Promise<void> {
  // The bench's outbox rows would otherwise be republished by any later snapshot of the lab outbox.
  for (let i = 0; i < benchEventIds.length; i += 1000) {
    await labPool.query('DELETE FROM outbox WHERE id IN (?)', [benchEventIds.slice(i, i + 1000)])
  }
  const runTopics = (await withAdmin(kafka, (admin) => admin.listTopics())).filter((t) =>
    t.startsWith(names.topicPrefix),
  )
  await deleteTopics(kafka, [...new Set([...created, ...runTopics])]).catch((e) => log(`could not delete topics: ${e}`))
  await Promise.all([lab.close(), labPool.end()])
}

await ensureTopics(kafka, [
  ...serviceTopics.map((topic) => ({ topic, partitions: topic === ctx.hopTopic ? 3 : 1 })),
  { topic: names.baselineTopic, partitions: 3 },
])
log(`payload ≈ ${ctx.payloadBytes} bytes; ${JSON.stringify(cfg)}`)
const results: { jvm: string; rows: Row[]; bareIdle: number }[] = []
try {
  for (const jvm of cfg.jvms) results.push({ jvm, ...(await runJvm(jvm)) })
} finally {
  await cleanUp()
}
printReport(results, cfg)
process.exit(0)
