export {
  type AccessTokenVerifier,
  accessTokenVerifier,
  type JwksCacheOptions,
  type JwtAuthOptions,
} from './access-token'
export { AppError, type AppErrorOptions, type FieldError, statusOf } from './app-error'
export { Id, IdParam, maxId, NonEmptyText, SafeInteger, Text } from './bounded'
export { CommonErrors } from './common-errors'
export { createHttpApp, type HttpAppOptions } from './create-http-app'
export { fromDbError } from './db-errors'
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
export { httpKit, type KitSettings, maxBodyBytes, type RequestMeta } from './http-kit'
export { type Idempotently, type IdempotentRoute, idempotency } from './idempotency'
export type { Answer } from './idempotent-run'
export { jwtAuth } from './jwt-auth'
export { metricsRoute } from './metrics-route'
export { maxPage, type Page, PageOf, PageQuery, page, pageOffset } from './paging'
export type { Principal } from './principal'
export { inspectRoutes, type RouteInspector, type RouteSchemas } from './route-inspector'
export { acceptRequestId, acceptTraceparent, isValidTraceparent, newTraceparent } from './trace-context'
