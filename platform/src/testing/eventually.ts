/**
 * Polls `probe` until it returns a value other than undefined, null or false without throwing, then returns it
 * (so `eventually(() => redis.get(key))` waits for the key, and `cond && value` waits for `cond`).
 * Tests wait for conditions with this, never for time (STYLE §5.8). Fails with the last error after `timeoutMs`.
 */
export async function eventually<T>(
  probe: () => T | Promise<T>,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<Exclude<T, undefined | null | false>> {
  const { timeoutMs = 15_000, intervalMs = 20 } = options
  const deadline = performance.now() + timeoutMs
  let lastError: unknown
  for (;;) {
    try {
      const value = await probe()
      if (value !== undefined && value !== null && value !== false) return value as Exclude<T, undefined | null | false>
      lastError = undefined
    } catch (error) {
      lastError = error
    }
    if (performance.now() > deadline) {
      const reason = lastError instanceof Error ? lastError.message : 'condition never held'
      throw new Error(`eventually: ${options.what ?? 'condition'} not met within ${timeoutMs} ms: ${reason}`, {
        cause: lastError,
      })
    }
    await Bun.sleep(intervalMs)
  }
}
