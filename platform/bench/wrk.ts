// wrk as the load generator of the HTTP benchmarks: installed when missing, pinned to its own core, output parsed.
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** One wrk run: requests per second and the 99th percentile latency (ms), plus errors wrk counted. */
export interface WrkResult {
  requests: number
  rps: number
  p99Ms: number
  non2xx: number
  socketErrors: number
}

/** How a run loads the server: connections and wrk threads, and the core wrk is pinned to (`taskset -c`). */
export interface WrkLoad {
  connections: number
  threads: number
  seconds: number
  cpus: string | undefined
}

const has = (command: string) => Bun.spawnSync(['sh', '-c', `command -v ${command}`]).exitCode === 0

/** Installs wrk from Debian when root; otherwise fails saying how. */
export function ensureWrk(): void {
  if (has('wrk')) return
  if (process.getuid?.() !== 0 || !has('apt-get')) {
    throw new Error('wrk is missing: install it (Debian/Ubuntu: sudo apt-get install -y wrk) and run again')
  }
  console.log('installing wrk (apt-get install -y wrk)')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'wrk'],
  ]) {
    const step = Bun.spawnSync(['apt-get', ...args], { env, stdout: 'ignore', stderr: 'inherit' })
    if (step.exitCode !== 0) throw new Error(`apt-get ${args.join(' ')} failed (${step.exitCode})`)
  }
}

/** A wrk Lua script that sends `body` as a JSON POST; written once per run to a temp file. */
export function postScript(body: string): Promise<string> {
  return requestScript({ method: 'POST', body, headers: { 'Content-Type': 'application/json' } })
}

/** A wrk Lua script for one request shape (method, headers, optional body); written to a temp file per run. */
export async function requestScript(request: { method: string; headers: Record<string, string>; body?: string }) {
  const path = join(tmpdir(), `wrk-${process.pid}-${Bun.randomUUIDv7()}.lua`)
  const lua = [
    `wrk.method = ${JSON.stringify(request.method)}`,
    ...(request.body === undefined ? [] : [`wrk.body = ${JSON.stringify(request.body)}`]),
    ...Object.entries(request.headers).map(
      ([name, value]) => `wrk.headers[${JSON.stringify(name)}] = ${JSON.stringify(value)}`,
    ),
  ].join('\n')
  await Bun.write(path, `${lua}\n`)
  return path
}

const unitMs: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 }

function parse(output: string): WrkResult {
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? Number.NaN)
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? Number.NaN)
  const p99 = /\n\s+99%\s+([\d.]+)(us|ms|s|m)\b/.exec(output)
  const p99Ms = p99 ? Number(p99[1]) * (unitMs[p99[2] ?? 'ms'] ?? 1) : Number.NaN
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0)
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output)
  const socketErrors = errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0
  return { requests, rps, p99Ms, non2xx, socketErrors }
}

/** Runs wrk against `url` (with `script` for a POST) and parses its summary. */
export async function runWrk(url: string, load: WrkLoad, script?: string): Promise<WrkResult> {
  const args = ['wrk', `-t${load.threads}`, `-c${load.connections}`, `-d${load.seconds}s`, '--latency']
  if (script) args.push('-s', script)
  const command = load.cpus ? ['taskset', '-c', load.cpus, ...args, url] : [...args, url]
  const proc = Bun.spawn(command, { stdout: 'pipe', stderr: 'pipe' })
  const [output, errors, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ])
  if (code !== 0) throw new Error(`wrk failed (${code}): ${errors || output}`)
  return parse(output)
}

const ticksPerSecond = Number(Bun.spawnSync(['getconf', 'CLK_TCK']).stdout.toString().trim()) || 100

/** CPU seconds (user + system) a process has used so far, from /proc; NaN where there is no /proc. */
export async function cpuSecondsOf(pid: number): Promise<number> {
  try {
    const stat = await Bun.file(`/proc/${pid}/stat`).text()
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond
  } catch {
    return Number.NaN
  }
}
