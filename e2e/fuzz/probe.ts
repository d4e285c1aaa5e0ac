import type { Operation } from './operations'

/** Who sends a request: nobody, the run's own buyer, or the run's own admin. */
export type Identity = 'anonymous' | 'buyer' | 'admin'

/** One fuzzed request: raw path segments and query text (already URL-encoded) and a raw body with its type. */
export interface FuzzRequest {
  identity: Identity
  path: Record<string, string>
  query: string
  body?: { text: string; contentType: string }
}

/** The run's tokens, a tag that marks its request ids and keys, and the client address it claims at auth. */
export interface FuzzRun {
  tag: string
  tokens: Record<Exclude<Identity, 'anonymous'>, string>
  clientAddress: string
}

/** What came back, and the request id it was sent under (its events carry it as `causationid`). */
export interface Answer {
  status: number
  text: string
  requestId: string
}

let sent = 0

/** How many requests this run has sent. */
export const sentSoFar = () => sent

/** Sends `request` to `op`; a refused or cut connection is status 0. */
export async function send(run: FuzzRun, op: Operation, request: FuzzRequest): Promise<Answer> {
  sent += 1
  const requestId = `${run.tag}-${sent}`
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => request.path[name] ?? '1')
  const url = `${op.baseUrl}${path}${request.query ? `?${request.query}` : ''}`
  // The run's own address for auth's per-address login throttle: auth believes X-Forwarded-For from loopback peers.
  const headers: Record<string, string> = { 'x-request-id': requestId, 'x-forwarded-for': run.clientAddress }
  if (request.identity !== 'anonymous') headers['authorization'] = `Bearer ${run.tokens[request.identity]}`
  if (op.method !== 'GET') headers['idempotency-key'] = requestId
  if (request.body) headers['content-type'] = request.body.contentType
  const withBody = request.body && op.method !== 'GET' && op.method !== 'HEAD'
  try {
    const response = await fetch(url, { method: op.method, headers, ...(withBody ? { body: request.body?.text } : {}) })
    return { status: response.status, text: await response.text(), requestId }
  } catch {
    return { status: 0, text: '', requestId }
  }
}

/** What is wrong with an answer, if anything: a 5xx, no answer, or a refusal outside the standard envelope. */
export function problemWith(answer: Answer): string | undefined {
  if (answer.status === 0) return 'no answer (connection refused or cut)'
  if (answer.status >= 500) return `${answer.status} ${answer.text.slice(0, 300)}`
  if (answer.status < 300) return undefined
  let body: { success?: unknown; error?: { code?: unknown } } | undefined
  try {
    body = JSON.parse(answer.text)
  } catch {
    return `${answer.status} is not JSON: ${answer.text.slice(0, 200)}`
  }
  const code = body?.error?.code
  if (body?.success !== false || typeof code !== 'string' || !/^[A-Z]+-\d{3}/.test(code)) {
    return `${answer.status} is not the error envelope: ${answer.text.slice(0, 200)}`
  }
  return undefined
}

export const isRejected = (answer: Answer) => answer.status >= 400 && answer.status < 500

/** Runs `work` over `items`, at most `width` at a time. */
export async function inParallel<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await work(items[i] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker))
  return results
}
