/** Raised when a wait or a record is given up because the consumer is stopping or lost its partitions. */
export class Abandoned extends Error {
  override name = 'Abandoned'
}

/** Waits `ms`, or rejects with Abandoned as soon as `signal` aborts (shutdown must not wait out a backoff). */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(new Abandoned('stopping', { cause: signal.reason }))
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer)
      reject(new Abandoned('stopping', { cause: signal?.reason }))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
