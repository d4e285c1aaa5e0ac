/**
 * A reading the gauges of one scrape share: `read` runs at most once per `maxAgeMs` (a scrape asks every gauge at
 * once), and a failure gives undefined after `onError` (the gauges are then left out, `/metrics` still answers).
 */
export function scrapeReading<T>(
  read: () => Promise<T>,
  onError: (error: unknown) => void,
  maxAgeMs = 1000,
): () => Promise<T | undefined> {
  let last: { at: number; value: Promise<T | undefined> } | undefined
  return () => {
    const now = performance.now()
    if (last && now - last.at < maxAgeMs) return last.value
    const value = read().catch((error: unknown) => {
      onError(error)
      return undefined
    })
    last = { at: now, value }
    return value
  }
}

/**
 * Leaves a gauge out of this scrape. `reset()` would leave an unlabelled gauge at 0, which reads as "nothing there"
 * when the truth is "unknown"; prom-client v15 keeps its samples in `hashMap`, emptied here.
 */
export function leaveOut(gauge: object): void {
  Object.assign(gauge, { hashMap: {} })
}
