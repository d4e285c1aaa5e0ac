import { type CircuitBreakerPolicy, isBrokenCircuitError } from 'cockatiel'
import { type Answer, AttemptFailed, attemptOnce, type PreparedRequest } from './attempt'
import { ServiceUnavailable, type UnavailableReason } from './errors'
import { serviceClientRetries } from './metrics'
import { backoffMs, isRetryableStatus, retryAfterMs } from './retry'

/** What one client applies to every call (built once by `createServiceClient`). */
export interface CallPolicy {
  name: string
  timeoutMs: number
  deadlineMs: number
  retries: number
  backoff: { baseMs: number; maxMs: number }
  maxRetryAfterMs: number
  unavailableCode: string
  breaker: CircuitBreakerPolicy
}

type Failure = { reason: UnavailableReason; status?: number; retryAfter?: string | null; cause: unknown }
type Result = { answer: Answer } | { failure: Failure }

async function once(policy: CallPolicy, request: PreparedRequest, deadline: AbortSignal): Promise<Result> {
  try {
    const answer = await policy.breaker.execute(() => attemptOnce(request, policy.timeoutMs, deadline))
    if (answer.status !== 429) return { answer }
    const retryAfter = answer.headers.get('retry-after')
    return { failure: { reason: 'rate-limited', status: 429, retryAfter, cause: answer.body } }
  } catch (error) {
    if (isBrokenCircuitError(error)) return { failure: { reason: 'breaker-open', cause: error } }
    if (!(error instanceof AttemptFailed)) throw error
    const reason = deadline.aborted ? 'deadline' : error.reason
    return { failure: { reason, status: error.status, retryAfter: error.retryAfter, cause: error } }
  }
}

// The wait before the next attempt, or undefined when there must be none: a failure no retry cures (500, open
// breaker, spent deadline), a Retry-After longer than we wait, or a wait that would end past the deadline.
function delayBefore(attempt: number, failure: Failure, policy: CallPolicy & { deadlineAt: number }) {
  const { reason, status } = failure
  if (reason === 'breaker-open' || reason === 'deadline') return undefined
  if (status !== undefined && !isRetryableStatus(status)) return undefined
  const hinted = retryAfterMs(failure.retryAfter ?? null)
  if (hinted !== undefined && hinted > policy.maxRetryAfterMs) return undefined
  const delay = hinted ?? backoffMs(attempt, policy.backoff)
  return performance.now() + delay < policy.deadlineAt ? delay : undefined
}

/**
 * Sends `request` through the breaker, retrying (when `retryable`) network errors, timeouts, 502/503/504 and 429 with
 * jittered backoff or the server's Retry-After, within `deadlineMs`. Resolves with an answer below 500 (429 excepted);
 * throws ServiceUnavailable otherwise.
 */
export async function call(policy: CallPolicy, request: PreparedRequest, retryable: boolean): Promise<Answer> {
  const deadline = AbortSignal.timeout(policy.deadlineMs)
  const deadlineAt = performance.now() + policy.deadlineMs
  for (let attempt = 0; ; attempt++) {
    const result = await once(policy, request, deadline)
    if ('answer' in result) return result.answer
    const { failure } = result
    const delay =
      retryable && attempt < policy.retries ? delayBefore(attempt, failure, { ...policy, deadlineAt }) : undefined
    if (delay === undefined) {
      const { reason, status, cause } = failure
      throw new ServiceUnavailable(policy.name, { code: policy.unavailableCode, reason, remoteStatus: status, cause })
    }
    serviceClientRetries.inc({ client: policy.name, method: request.method })
    await Bun.sleep(delay)
  }
}
