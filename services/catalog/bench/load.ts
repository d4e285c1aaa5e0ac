import { nowMs, type Summary, summarize } from '@commerce/platform/bench'

/** Closed model: `concurrency` callers each issue the next call when the last answered; calls per second. */
export async function closedLoop(call: () => Promise<unknown>, at: { concurrency: number; seconds: number }) {
  const end = nowMs() + at.seconds * 1000
  let done = 0
  const worker = async () => {
    while (nowMs() < end) {
      await call()
      done++
    }
  }
  await Promise.all(Array.from({ length: at.concurrency }, worker))
  return done / at.seconds
}

/**
 * Open model: calls start on a fixed schedule (`rate` per second) whether or not earlier ones answered; latency is
 * measured from the scheduled start, so a stall counts against every call it delays (no coordinated omission).
 */
export async function openLoop(call: () => Promise<unknown>, at: { rate: number; seconds: number }): Promise<Summary> {
  const start = nowMs()
  const total = Math.floor(at.rate * at.seconds)
  const latencies: number[] = []
  const inFlight: Promise<void>[] = []
  let failures = 0
  for (let i = 0; i < total; i++) {
    const scheduled = start + (i * 1000) / at.rate
    const wait = scheduled - nowMs()
    if (wait > 1) await Bun.sleep(wait)
    inFlight.push(
      call().then(
        () => void latencies.push(nowMs() - scheduled),
        () => void failures++,
      ),
    )
  }
  await Promise.all(inFlight)
  if (failures > 0) throw new Error(`${failures} calls failed in the open loop`)
  return summarize(latencies)
}
