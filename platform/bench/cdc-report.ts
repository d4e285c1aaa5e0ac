// Prints the CDC layout benchmark's table: one row per JVM × layout × setting, differences against the broker's own
// hop measured in the same window, and the targets of the issue.
import type { BurstResult } from './cdc-measure'
import type { Summary } from './stats'

export interface Row {
  jvm: string
  layout: string
  setting: string
  result: {
    idle: number
    load: number
    hop: Summary
    broker: Summary
    burst?: (BurstResult & { cpu: number }) | undefined
  }
}

/** The targets: hop p50 ≤ broker p50 + 8 ms, p99 ≤ broker p99 + 20 ms, Connect idle ≤ 10 % of one core. */
export const TARGETS = { p50: 8, p99: 20, idleCpu: 10 } as const

const n = (value: number, width: number, digits = 1) => value.toFixed(digits).padStart(width)

const columns = [
  ['jvm', 7],
  ['layout', 13],
  ['setting', 9],
  ['hop p50', 8],
  ['p95', 7],
  ['p99', 7],
  ['max', 7],
  ['brk p50', 8],
  ['brk p99', 8],
  ['Δp50', 7],
  ['Δp99', 7],
  ['idle%', 7],
  ['load%', 7],
  ['burst in/s', 11],
  ['out/s', 7],
  ['burst%', 7],
  ['targets', 8],
] as const

function line(row: Row): string {
  const { hop, broker, idle, load, burst } = row.result
  const dp50 = hop.p50 - broker.p50
  const dp99 = hop.p99 - broker.p99
  const met = dp50 <= TARGETS.p50 && dp99 <= TARGETS.p99 && idle <= TARGETS.idleCpu
  const lost = hop.count < broker.count ? ` (hop got ${hop.count}/${broker.count})` : ''
  const cells = [
    row.jvm.padEnd(7),
    row.layout.padEnd(13),
    row.setting.padEnd(9),
    n(hop.p50, 8),
    n(hop.p95, 7),
    n(hop.p99, 7),
    n(hop.max, 7),
    n(broker.p50, 8),
    n(broker.p99, 8),
    n(dp50, 7),
    n(dp99, 7),
    n(idle, 7),
    n(load, 7),
    burst ? n(burst.offeredPerSecond, 11, 0) : '-'.padStart(11),
    burst ? n(burst.deliveredPerSecond, 7, 0) : '-'.padStart(7),
    burst ? n(burst.cpu, 7) : '-'.padStart(7),
    (met ? 'MET' : 'missed').padStart(8),
  ]
  return cells.join(' ') + lost
}

/** Prints the table and, per JVM, what a worker with no connector at all costs at idle. */
export function printReport(
  results: { jvm: string; rows: Row[]; bareIdle: number }[],
  cfg: { rate: number; seconds: number; idleSeconds: number },
): void {
  console.log(
    `hop: lab note commit → Connect → consumer at ${cfg.rate}/s for ${cfg.seconds} s, next to the broker's own ` +
      'produce → consume (brk) in the same window; latencies in ms. idle%/load%/burst%: the bench Connect worker ' +
      `process's CPU in % of one core (idle over ${cfg.idleSeconds} s; load = during the hop run; burst = during the ` +
      'burst until drained). burst in/s: rows offered; out/s: events/s through CDC (records / (last receive − first write)).',
  )
  console.log(`targets: Δp50 ≤ ${TARGETS.p50} ms, Δp99 ≤ ${TARGETS.p99} ms, idle ≤ ${TARGETS.idleCpu} %`)
  console.log(
    columns
      .map(([name, width]) => (width <= 9 && name !== 'jvm' ? name.padStart(width) : name.padEnd(width)))
      .join(' '),
  )
  for (const { rows } of results) for (const row of rows) console.log(line(row))
  for (const { jvm, bareIdle } of results) {
    console.log(`${jvm}: a worker with no connectors idles at ${bareIdle.toFixed(1)} % of one core`)
  }
}
