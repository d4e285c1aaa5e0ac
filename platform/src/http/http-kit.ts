import { Elysia, NotFoundError } from 'elysia'
import { createLogger, type Logger } from '../log/index'
import { httpRequestDuration } from '../metrics/index'
import { CommonErrors } from './common-errors'
import { errorBody } from './envelope'
import { toAppError } from './error-mapping'
import type { RouteInspector } from './route-inspector'
import { statusCodeOf } from './status-code'
import { acceptRequestId, acceptTraceparent } from './trace-context'

/** What a use case needs to stamp its events; structurally the `EventMeta` of @commerce/contracts. */
export interface RequestMeta {
  now: Date
  correlationId: string
  causationId: string
  traceparent?: string
}

/**
 * Per-app settings of the kit, read through the `kit()` decorator (a function: Elysia deep-merges object decorators
 * into the shared default). `createHttpApp` sets them; a bare `httpKit` logs at info without access log.
 */
export interface KitSettings {
  logger: Logger
  accessLog: boolean
  /** The app's router, for 405 and field names; unknown to a bare httpKit. */
  routes: RouteInspector | undefined
}

const defaults: KitSettings = { logger: createLogger({ component: 'http' }), accessLog: false, routes: undefined }

// onRequest cannot derive; Elysia's context object lives for the whole request, so the clock rides on it.
const startedAt = Symbol('startedAt')
type Clocked = { [startedAt]?: number }

type Site = { method: string; path: string; route: string; kit: KitSettings; inputs: Record<string, unknown> }

// A 404 on a path that exists under other methods is a 405 (only known when createHttpApp wired the router in).
function classify(error: unknown, at: Site) {
  const schemas = at.kit.routes?.schemasOf(at.method, at.route)
  const appError = toAppError(error, { ...at.inputs, schemas })
  if (!(error instanceof NotFoundError) || !at.kit.routes) return { appError }
  const allow = at.kit.routes.allowedMethods(at.path)
  if (allow.length === 0 || allow.includes(at.method)) return { appError }
  return { appError: CommonErrors.methodNotAllowed(), allow: allow.join(', ') }
}

const traceIdOf = (traceparent: unknown) => String(traceparent).split('-')[1]

/**
 * The shared HTTP plugin (global): X-Request-Id and traceparent accepted or created and echoed, `requestId`,
 * `traceparent` and `meta` for handlers, every error mapped to the SPEC §3 envelope, request duration recorded.
 */
export const httpKit = new Elysia({ name: '@commerce/platform/http-kit' })
  .decorate('kit', (): KitSettings => defaults)
  .onRequest((context) => {
    // Before routing, so 404s and malformed bodies carry the ids too; the echo headers are where derive finds them.
    ;(context as Clocked)[startedAt] = performance.now()
    const { headers } = context.request
    context.set.headers['x-request-id'] = acceptRequestId(headers.get('x-request-id'))
    context.set.headers['traceparent'] = acceptTraceparent(headers.get('traceparent'))
  })
  .derive({ as: 'global' }, ({ set }) => {
    const requestId = String(set.headers['x-request-id'])
    const traceparent = String(set.headers['traceparent'])
    const meta: RequestMeta = { now: new Date(), correlationId: requestId, causationId: requestId, traceparent }
    return { requestId, traceparent, meta }
  })
  .onError({ as: 'global' }, (context) => {
    const { error, request, set, path, route } = context
    const kit = context.kit()
    const inputs = { params: context.params, query: context.query, body: context.body }
    const { appError, allow } = classify(error, { method: request.method, path, route, kit, inputs })
    if (appError.status >= 500) {
      kit.logger.error('request failed', {
        requestId: set.headers['x-request-id'],
        traceId: traceIdOf(set.headers['traceparent']),
        method: request.method,
        path,
        error: appError.cause ?? appError,
      })
    }
    if (allow) set.headers.allow = allow
    set.status = appError.status
    return errorBody(appError)
  })
  .onAfterResponse({ as: 'global' }, (context) => {
    const { request, route, set, responseValue } = context
    const kit = context.kit()
    const status = statusCodeOf(responseValue, set.status)
    // The route template keeps label cardinality bounded; unmatched paths share one label.
    const labels = { method: request.method, route: route || 'UNMATCHED', status: String(status) }
    const durationMs = performance.now() - ((context as Clocked)[startedAt] ?? performance.now())
    httpRequestDuration.observe(labels, durationMs)
    const level = kit.accessLog ? 'info' : 'debug'
    if (!kit.logger.isLevelEnabled(level)) return
    const requestId = set.headers['x-request-id']
    kit.logger[level]('request', { requestId, traceId: traceIdOf(set.headers['traceparent']), ...labels, durationMs })
  })
