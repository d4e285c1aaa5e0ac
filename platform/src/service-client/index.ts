export type { Answer } from './attempt'
export type { BreakerOptions } from './breaker'
export { createServiceClient, type RawAnswer, type ServiceClient, type ServiceClientOptions } from './client'
export { RemoteError, ServiceUnavailable, type UnavailableReason } from './errors'
export {
  type CallOutcome,
  serviceClientBreakerState,
  serviceClientDuration,
  serviceClientRequests,
  serviceClientRetries,
} from './metrics'
export type { RequestOptions } from './request'
export { backoffMs, isRetryableStatus, mayRetry, retryAfterMs } from './retry'
