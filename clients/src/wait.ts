/** How `waitFor` polls: give up after `timeoutMs` (default 30 s), re-ask every `intervalMs` (default 200 ms). */
export interface WaitOptions {
  timeoutMs?: number
  intervalMs?: number
  /** Named in the timeout error. */
  what?: string
}

/**
 * The checkout moves on its own after an answer (an order is CREATED, then PAYMENT_PENDING a moment later): re-asks
 * `probe` until it gives a value other than undefined, then returns it; throws after `timeoutMs`.
 * `await waitFor(async () => { const o = await unwrap(api.orders({ id }).get()); return o.status === 'CONFIRMED' ? o : undefined })`.
 */
export async function waitFor<T>(probe: () => Promise<T | undefined>, options: WaitOptions = {}): Promise<T> {
  const { timeoutMs = 30_000, intervalMs = 200 } = options
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${options.what ?? 'a condition'}`)
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
