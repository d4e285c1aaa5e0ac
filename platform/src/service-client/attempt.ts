/** What the remote answered (any status below 500): status, headers and the body, parsed when it is JSON. */
export interface Answer {
  status: number
  headers: Headers
  body: unknown
}

/** One prepared request, sent once per attempt. */
export interface PreparedRequest {
  url: string
  method: string
  headers: Record<string, string>
  body?: string
}

/** One attempt that got no usable answer; the circuit breaker counts these. */
export class AttemptFailed extends Error {
  override name = 'AttemptFailed'
  readonly reason: 'network' | 'timeout' | 'server-error'
  readonly status: number | undefined
  readonly retryAfter: string | null

  constructor(
    reason: AttemptFailed['reason'],
    options: { status?: number; retryAfter?: string | null; cause?: unknown },
  ) {
    super(options.status ? `answered ${options.status}` : reason, { cause: options.cause })
    this.reason = reason
    this.status = options.status
    this.retryAfter = options.retryAfter ?? null
  }
}

const isTimeout = (error: unknown) =>
  error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text()
  if (text === '' || !response.headers.get('content-type')?.includes('json')) return text === '' ? undefined : text
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/**
 * Sends the request once, bounded by `timeoutMs` and the call's deadline (both cover reading the body). Resolves with
 * any answer below 500; throws AttemptFailed for a network error, a timeout or a 5xx.
 */
export async function attemptOnce(request: PreparedRequest, timeoutMs: number, deadline: AbortSignal): Promise<Answer> {
  const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), deadline])
  try {
    const response = await fetch(request.url, { ...request, signal, redirect: 'manual' })
    const body = await readBody(response)
    if (response.status >= 500) {
      throw new AttemptFailed('server-error', {
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
      })
    }
    return { status: response.status, headers: response.headers, body }
  } catch (error) {
    if (error instanceof AttemptFailed) throw error
    throw new AttemptFailed(isTimeout(error) || signal.aborted ? 'timeout' : 'network', { cause: error })
  }
}
