export { type AccessTokenVerifier, accessTokenVerifier, type JwtAuthOptions } from './access-token'
export { AppError, type AppErrorOptions, type FieldError, statusOf } from './app-error'
export { CommonErrors } from './common-errors'
export { createHttpApp, type HttpAppOptions } from './create-http-app'
export {
  EmptyEnvelope,
  type EmptyOkBody,
  Envelope,
  type ErrorBody,
  ErrorEnvelope,
  errorBody,
  type OkBody,
  ok,
} from './envelope'
export { toAppError } from './error-mapping'
export { canonicalJson, requestFingerprint } from './fingerprint'
export { type HealthCheck, type HealthOptions, healthRoutes } from './health-routes'
export { httpKit } from './http-kit'
export { idempotency } from './idempotency'
export { jwtAuth } from './jwt-auth'
export { metricsRoute } from './metrics-route'
export { type Page, PageOf, PageQuery, page, pageOffset } from './paging'
export { type Principal, principalOf } from './principal'
export type { RequestMeta } from './request-context'
export { acceptRequestId, acceptTraceparent, isValidTraceparent, newTraceparent } from './trace-context'
