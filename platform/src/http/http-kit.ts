import { Elysia, NotFoundError } from 'elysia'
import { createLogger } from '../log/index'
import { httpRequestDuration } from '../metrics/index'
import { CommonErrors } from './common-errors'
import { errorBody } from './envelope'
import { toAppError } from './error-mapping'
import type { RequestInputs } from './field-errors'
import { openRequest, requestIds, requestMeta } from './request-context'
import { finalizeResponse } from './response-hooks'
import { statusCodeOf } from './status-code'

const log = createLogger({ component: 'http' })

type AllowedMethods = ((path: string) => string[]) | undefined

// A 404 on a path that exists under other methods is a 405 (only known when createHttpApp wired the router in).
interface ErrorSite {
  method: string
  path: string
  allowedMethods: AllowedMethods
  inputs: RequestInputs
}

function classify(error: unknown, at: ErrorSite) {
  const appError = toAppError(error, at.inputs)
  if (!(error instanceof NotFoundError) || !at.allowedMethods) return { appError }
  const allow = at.allowedMethods(at.path)
  if (allow.length === 0 || allow.includes(at.method)) return { appError }
  return { appError: CommonErrors.methodNotAllowed(), allow: allow.join(', ') }
}

/**
 * The shared HTTP plugin (global): X-Request-Id and traceparent accepted or created and echoed, `requestId`,
 * `traceparent` and `meta` for handlers, every error mapped to the SPEC §3 envelope, request duration recorded.
 */
export const httpKit = new Elysia({ name: '@commerce/platform/http-kit' })
  .decorate('allowedMethods', undefined as AllowedMethods)
  .onRequest(({ request, set }) => {
    // Before routing, so 404s and malformed bodies carry the ids too.
    const ids = openRequest(request)
    Object.assign(set.headers, { 'x-request-id': ids.requestId, traceparent: ids.traceparent })
  })
  .derive({ as: 'global' }, ({ request }) => {
    const ids = requestIds(request)
    return { requestId: ids.requestId, traceparent: ids.traceparent, meta: requestMeta(ids) }
  })
  .onError({ as: 'global' }, async (context) => {
    const { error, request, set, path, allowedMethods } = context
    const inputs = { params: context.params, query: context.query, body: context.body }
    const { appError, allow } = classify(error, { method: request.method, path, allowedMethods, inputs })
    if (appError.status >= 500) {
      const { requestId, traceparent } = requestIds(request)
      const traceId = traceparent.split('-')[1]
      log.error('request failed', {
        requestId,
        traceId,
        method: request.method,
        path,
        error: appError.cause ?? appError,
      })
    }
    if (allow) Object.assign(set.headers, { allow })
    set.status = appError.status
    const body = errorBody(appError)
    await finalizeResponse(request, { status: appError.status, body })
    return body
  })
  .onAfterResponse({ as: 'global' }, ({ request, route, set, responseValue }) => {
    const status = statusCodeOf(responseValue, set.status)
    // The route template keeps label cardinality bounded; unmatched paths share one label.
    const labels = { method: request.method, route: route || 'UNMATCHED', status: String(status) }
    const ids = requestIds(request)
    const durationMs = performance.now() - ids.startedAt
    httpRequestDuration.observe(labels, durationMs)
    log.debug('request', { requestId: ids.requestId, traceId: ids.traceparent.split('-')[1], ...labels, durationMs })
  })
