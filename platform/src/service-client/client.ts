import type { Logger } from '../log/index'
import { inSpan, SpanKind } from '../tracing/index'
import type { Answer, PreparedRequest } from './attempt'
import { type BreakerOptions, createBreaker } from './breaker'
import { type CallPolicy, call } from './call'
import { checkUnavailableCode, remoteError, ServiceUnavailable } from './errors'
import { type CallOutcome, serviceClientDuration, serviceClientRequests } from './metrics'
import { outgoingHeaders, type RequestOptions, urlOf } from './request'
import { mayRetry } from './retry'

/** How a client reaches one service. */
export interface ServiceClientOptions {
  /** The called service (`catalog`): metrics label, logs, errors. */
  name: string
  baseUrl: string
  /** Per attempt (default 2 s); `deadlineMs` bounds the whole call, retries and waits included (default 3 × timeoutMs). */
  timeoutMs?: number
  deadlineMs?: number
  /** Extra attempts for calls that are safe to repeat (default 2). */
  retries?: number
  breaker?: BreakerOptions
  /** 503 code of the ServiceUnavailable this client throws (default `COMMON-503`), e.g. `ORDER-503-002`. */
  unavailableCode?: string
  /** Longest Retry-After the client waits for (default 2 s); a longer one fails the call at once. */
  maxRetryAfterMs?: number
  logger: Logger
}

/** A call's answer as is, for APIs that do not speak the SPEC §3 envelope (the PG): any status below 500. */
export type RawAnswer = Answer

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

function unwrap(service: string, answer: Answer): unknown {
  if (answer.status >= 400) throw remoteError(service, answer.status, answer.body)
  if (answer.status === 204 || answer.body === undefined) return undefined
  const body = answer.body as { success?: unknown; data?: unknown }
  // A 2xx without our envelope is the remote's contract bug, not an outage: a plain (permanent, 500) error.
  if (body?.success !== true) throw new Error(`${service} answered ${answer.status} without a SPEC §3 envelope`)
  return body.data
}

function observe(labels: { client: string; method: string; outcome: CallOutcome }, startedAt: number) {
  serviceClientRequests.inc(labels)
  serviceClientDuration.observe(labels, (performance.now() - startedAt) / 1000)
}

async function send(policy: CallPolicy, request: PreparedRequest, retryable: boolean): Promise<Answer> {
  const startedAt = performance.now()
  try {
    const answer = await call(policy, request, retryable)
    observe(
      { client: policy.name, method: request.method, outcome: answer.status < 400 ? 'success' : 'client_error' },
      startedAt,
    )
    return answer
  } catch (error) {
    const breakerOpen = error instanceof ServiceUnavailable && error.reason === 'breaker-open'
    observe(
      { client: policy.name, method: request.method, outcome: breakerOpen ? 'breaker_open' : 'unavailable' },
      startedAt,
    )
    throw error
  }
}

/**
 * A client for one service: `get/post/put/patch/delete` resolve with the envelope's `data` (a remote 4xx throws
 * RemoteError with its code), `raw` with the answer as is. Timeouts per attempt and per call, retries only when safe
 * (GET/HEAD/PUT/DELETE, or with an `idempotencyKey`), a circuit breaker; no answer throws ServiceUnavailable (503).
 */
export function createServiceClient(options: ServiceClientOptions) {
  const timeoutMs = options.timeoutMs ?? 2_000
  const policy: CallPolicy = {
    name: options.name,
    timeoutMs,
    deadlineMs: options.deadlineMs ?? 3 * timeoutMs,
    retries: options.retries ?? 2,
    backoff: { baseMs: 50, maxMs: 1_000 },
    maxRetryAfterMs: options.maxRetryAfterMs ?? 2_000,
    unavailableCode: checkUnavailableCode(options.unavailableCode ?? 'COMMON-503'),
    breaker: createBreaker(options.name, options.breaker ?? {}, options.logger),
  }
  const raw = (method: Method, path: string, request: RequestOptions = {}): Promise<RawAnswer> => {
    const body = request.body === undefined ? undefined : JSON.stringify(request.body)
    const url = urlOf(options.baseUrl, path, request.query)
    // One client span per call (retries included); the callee's server span is its child.
    const span = {
      name: `${options.name} ${method}`,
      kind: SpanKind.CLIENT,
      parent: request.meta?.traceparent,
      attributes: () => ({ 'http.request.method': method, 'url.full': url, 'peer.service': options.name }),
    }
    return inSpan(span, async (started, traceparent) => {
      const headers = outgoingHeaders(started ? { ...request, meta: { ...request.meta, traceparent } } : request)
      const answer = await send(
        policy,
        { url, method, headers, body },
        mayRetry(method, request.idempotencyKey !== undefined),
      )
      started?.setAttribute('http.response.status_code', answer.status)
      return answer
    })
  }
  const data =
    (method: Method) =>
    async <T = unknown>(path: string, request?: RequestOptions): Promise<T> =>
      unwrap(options.name, await raw(method, path, request)) as T
  return {
    get: data('GET'),
    post: data('POST'),
    put: data('PUT'),
    patch: data('PATCH'),
    delete: data('DELETE'),
    raw,
    /** The breaker, for readiness or a manual `isolate()`. */
    breaker: policy.breaker,
  }
}

/** A client made by `createServiceClient`. */
export type ServiceClient = ReturnType<typeof createServiceClient>
