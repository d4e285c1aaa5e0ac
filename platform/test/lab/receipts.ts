/** The lab's "other system": issues one receipt per Idempotency-Key, like a PG charges once per key. */
export function startReceiptsServer() {
  const receipts = new Map<string, { receiptId: string; requests: number }>()
  const server = Bun.serve({
    port: 0,
    fetch: (request) => {
      const key = request.headers.get('idempotency-key')
      if (request.method !== 'POST' || !key) return new Response('idempotency-key required', { status: 400 })
      const existing = receipts.get(key)
      const entry = existing ?? { receiptId: crypto.randomUUID(), requests: 0 }
      entry.requests++
      receipts.set(key, entry)
      return Response.json({ receiptId: entry.receiptId })
    },
  })
  const stop = () => server.stop(true)
  return { url: `http://127.0.0.1:${server.port}/receipts`, receipts, stop, [Symbol.asyncDispose]: stop }
}

/** Asks for the receipt of `idempotencyKey`; a 5xx carries `status` so the runner classifies it as transient. */
export async function callReceipts(url: string, idempotencyKey: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'idempotency-key': idempotencyKey },
    signal: AbortSignal.timeout(5_000),
  })
  if (!response.ok) {
    throw Object.assign(new Error(`receipts answered ${response.status}`), { status: response.status })
  }
  const body = (await response.json()) as { receiptId: string }
  return body.receiptId
}
