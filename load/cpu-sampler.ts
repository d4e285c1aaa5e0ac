import { readdirSync, readFileSync } from 'node:fs'
import { basename } from 'node:path'

/**
 * Where the CPU goes during a run, from /proc: every process is put in a group by its command line, and each
 * sample records the cores each group used since the previous one (utime + stime ticks ÷ 100 Hz ÷ seconds).
 */
export interface CpuSample {
  at: number
  cores: Record<string, number>
}

const ticksPerSecond = 100

// First match wins; a bun service is named by its directory (services/<name>/src/main.ts).
const groups: [string, (cmd: string) => boolean][] = [
  // Artillery, and the suite's own process (fixtures, this sampler, the saga check).
  ['load generator', (c) => c.includes('artillery') || c.includes('load/run.ts')],
  ['mariadb', (c) => c.includes('mariadbd')],
  ['redis', (c) => c.startsWith('redis-server') && c.includes(':6380')],
  ['kafka', (c) => c.startsWith('java') && c.includes('kafka.Kafka')],
  ['kafka connect', (c) => c.startsWith('java') && c.includes('ConnectDistributed')],
  ['gateway (nginx)', (c) => c.startsWith('nginx')],
  ['pg-sandbox', (c) => c.includes('pg-sandbox/main.ts')],
  ['observability', (c) => /prometheus|exporter|ops\/main\.ts|lab\/main\.ts/.test(c)],
]

/** The process group a command line belongs to. */
export function groupOf(cmd: string): string {
  const service = cmd.match(/services\/([a-z-]+)\/+src\/main\.ts/)
  if (service) return `service ${service[1]}`
  // Anything else is named by its program, so that a stray process on the machine shows who it is.
  return groups.find(([, matches]) => matches(cmd))?.[0] ?? `other: ${basename(cmd.split(' ')[0] ?? '?')}`
}

function readTicks(): Map<string, number> {
  const ticks = new Map<string, number>()
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim()
      if (!cmd) continue
      // Fields after the `(comm)` — comm may hold spaces — start at state (field 3); utime and stime are 14 and 15.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const used = Number(fields[11]) + Number(fields[12])
      ticks.set(`${pid} ${groupOf(cmd)}`, used)
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return ticks
}

/** Starts sampling every `intervalMs`; `stop()` returns the samples. */
export function sampleCpu(intervalMs = 2000) {
  const samples: CpuSample[] = []
  let previous = readTicks()
  let previousAt = performance.now()
  const timer = setInterval(() => {
    const now = readTicks()
    const nowAt = performance.now()
    const seconds = (nowAt - previousAt) / 1000
    const cores: Record<string, number> = {}
    for (const [key, used] of now) {
      const group = key.slice(key.indexOf(' ') + 1)
      const delta = used - (previous.get(key) ?? used)
      cores[group] = (cores[group] ?? 0) + delta / ticksPerSecond / seconds
    }
    samples.push({ at: Date.now(), cores })
    previous = now
    previousAt = nowAt
  }, intervalMs)
  return {
    stop(): CpuSample[] {
      clearInterval(timer)
      return samples
    },
  }
}

/** Mean cores per group over the samples, busiest first. */
export function meanCores(samples: CpuSample[]): [string, number][] {
  const totals = new Map<string, number>()
  for (const sample of samples) {
    for (const [group, cores] of Object.entries(sample.cores)) totals.set(group, (totals.get(group) ?? 0) + cores)
  }
  return [...totals]
    .map(([group, sum]) => [group, sum / Math.max(samples.length, 1)] as [string, number])
    .sort((a, b) => b[1] - a[1])
}
