import { nowMs, type Summary, summarize } from '@commerce/platform/bench'

/** One keep-alive connection: the scheduled start of the request it has in flight, and the unparsed input. */
interface Connection {
  socket: Bun.Socket<undefined> | undefined
  scheduledAt: number
  input: string
}

const contentLength = /\r\ncontent-length: *(\d+)/i

/** The status of the complete response at the head of `c.input`, consumed; undefined while it is incomplete. */
function takeResponse(c: Connection): number | undefined {
  const headEnd = c.input.indexOf('\r\n\r\n')
  if (headEnd < 0) return undefined
  const length = Number(contentLength.exec(c.input.slice(0, headEnd))?.[1] ?? 0)
  const end = headEnd + 4 + length
  if (c.input.length < end) return undefined
  const status = Number(c.input.slice(9, 12))
  c.input = c.input.slice(end)
  return status
}

/**
 * Open model (what wrk2 does; Debian ships no wrk2): GET `url` at a constant `rate` per second whether or not earlier
 * requests have answered, over `connections` keep-alive sockets; a request due while every socket is busy waits in
 * the driver (Bun's server closes a connection that pipelines). Raw HTTP/1.1 over Bun.connect, so the driver costs a
 * few µs per request (Bun's fetch could not keep up at 4 000/s on one core). Latency runs from the *scheduled* start:
 * a stall counts against every request it delays (no coordinated omission), and so does the driver's own lateness.
 */
export async function openLoop(
  url: string,
  at: { rate: number; seconds: number; connections?: number },
): Promise<Summary & { failed: number }> {
  const { hostname, port, pathname, search } = new URL(url)
  const request = `GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n\r\n`
  const latencies: number[] = []
  const due: number[] = []
  let next = 0
  let failed = 0
  const idle: Connection[] = []
  const dispatch = () => {
    while (idle.length > 0 && next < due.length) {
      const c = idle.pop() as Connection
      c.scheduledAt = due[next++] as number
      c.socket?.write(request)
    }
  }
  const onData = (c: Connection, chunk: Buffer) => {
    c.input += chunk.toString('latin1')
    const status = takeResponse(c)
    if (status === undefined) return
    latencies.push(nowMs() - c.scheduledAt)
    if (status !== 200) failed++
    idle.push(c)
    dispatch()
  }
  await Promise.all(
    Array.from({ length: at.connections ?? 128 }, async () => {
      const c: Connection = { socket: undefined, scheduledAt: 0, input: '' }
      c.socket = await Bun.connect({ hostname, port: Number(port), socket: { data: (_s, chunk) => onData(c, chunk) } })
      idle.push(c)
    }),
  )
  const total = Math.floor(at.rate * at.seconds)
  const start = nowMs() + 20
  for (let i = 0; i < total; ) {
    const now = nowMs()
    // Everything due by now is queued and sent on idle sockets; then wait for the next one's time (~1 ms timers).
    for (; i < total && start + (i * 1000) / at.rate <= now; i++) due.push(start + (i * 1000) / at.rate)
    dispatch()
    const wait = start + (i * 1000) / at.rate - nowMs()
    if (wait > 0) await Bun.sleep(wait)
  }
  const deadline = nowMs() + 30_000
  while (latencies.length < total && nowMs() < deadline) await Bun.sleep(5)
  for (const c of idle) c.socket?.end()
  return { ...summarize(latencies), failed: failed + (total - latencies.length) }
}
