// A benchmark-owned Kafka Connect worker: the stack's jars and plugins, its own group, storage topics, REST port, log
// and process, so layouts and settings can be measured without touching the shared worker others' tests use.
import { mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** JVM flag sets the benchmark can start the worker with (BENCH_JVMS picks among them). */
export const JVM_FLAG_SETS: Record<string, string[]> = {
  // What lib/components.sh started Connect with before this benchmark.
  g1: ['-Xms256m', '-Xmx768m', '-XX:+UseG1GC'],
  // Serial GC: no concurrent GC threads waking up; C1 only: no C2 compiler threads burning CPU after every restart.
  lean: ['-Xms128m', '-Xmx512m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xss512k'],
  // Serial GC with the full JIT, to separate the two effects.
  serial: ['-Xms128m', '-Xmx512m', '-XX:+UseSerialGC'],
}

export interface BenchWorker {
  url: string
  pid: number
  logFile: string
  storageTopics: string[]
  /** CPU seconds (user + system) the worker process has used so far, from /proc/<pid>/stat. */
  cpuSeconds(): number
  stop(): Promise<void>
}

const CLOCK_TICKS_PER_SECOND = Number(Bun.spawnSync(['getconf', 'CLK_TCK']).stdout.toString().trim() || 100)

/** utime + stime of a process in seconds; fields 14 and 15 of /proc/<pid>/stat, counted after the `(comm)` field. */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no free port')
  return address.port
}

function workerProperties(runId: string, port: number, stack: { stackDir: string; kafkaBrokers: string }): string {
  const { stackDir, kafkaBrokers } = stack
  // The shared worker's settings (conf/connect.properties) with this run's own group and topics.
  const shared = readFileSync(join(import.meta.dir, '../stack/conf/connect.properties'), 'utf8')
  const own: Record<string, string> = {
    'bootstrap.servers': kafkaBrokers,
    'group.id': `bench-connect-${runId}`,
    listeners: `http://127.0.0.1:${port}`,
    'rest.advertised.port': String(port),
    'plugin.path': `${stackDir}/jars/plugins`,
    'config.storage.topic': `_bench-connect-${runId}-configs`,
    'offset.storage.topic': `_bench-connect-${runId}-offsets`,
    'status.storage.topic': `_bench-connect-${runId}-status`,
  }
  const lines = shared.split('\n').filter((line) => !Object.hasOwn(own, line.split('=')[0] ?? ''))
  return [...lines, ...Object.entries(own).map(([k, v]) => `${k}=${v}`)].join('\n')
}

async function waitForRest(url: string, exited: () => boolean, logFile: string): Promise<void> {
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`bench Connect worker exited during start-up; see ${logFile}`)
    const ok = await fetch(`${url}/connector-plugins`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return
    await Bun.sleep(500)
  }
  throw new Error(`bench Connect worker not answering at ${url}; see ${logFile}`)
}

/** Starts a Connect worker from the stack's jars (STACK_DIR) with the given JVM flags; `stop()` ends it. */
export async function startBenchWorker(options: {
  stackDir: string
  kafkaBrokers: string
  jvmFlags: string[]
}): Promise<BenchWorker> {
  const runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'bench-connect-'))
  const propsFile = join(dir, 'connect.properties')
  writeFileSync(propsFile, workerProperties(runId, port, options))
  const logFile = join(dir, 'connect.log')
  const log = openSync(logFile, 'a')
  const javaBin = process.env['JAVA_HOME'] ? join(process.env['JAVA_HOME'], 'bin/java') : 'java'
  const child = Bun.spawn(
    [
      javaBin,
      ...options.jvmFlags,
      `-Dlog4j2.configurationFile=${options.stackDir}/log4j2.properties`,
      '-cp',
      `${options.stackDir}/jars/connect/*`,
      'org.apache.kafka.connect.cli.ConnectDistributed',
      propsFile,
    ],
    { stdout: log, stderr: log, stdin: 'ignore' },
  )
  let exited = false
  void child.exited.then(() => {
    exited = true
  })
  const stop = async () => {
    if (exited) return
    child.kill('SIGTERM')
    const done = await Promise.race([child.exited.then(() => true), Bun.sleep(30_000).then(() => false)])
    if (!done) child.kill('SIGKILL')
    await child.exited
  }
  const url = `http://127.0.0.1:${port}`
  try {
    await waitForRest(url, () => exited, logFile)
  } catch (error) {
    await stop()
    throw error
  }
  const storageTopics = ['configs', 'offsets', 'status'].map((t) => `_bench-connect-${runId}-${t}`)
  return { url, pid: child.pid, logFile, storageTopics, cpuSeconds: () => processCpuSeconds(child.pid), stop }
}
