import { Elysia, NotFoundError } from 'elysia'
import { createLogger, type Logger } from '../log/index'
import { httpRequestDuration } from '../metrics/index'
import { endSpan, isTracing, type Span, SpanKind, startSpan, traceparentFor } from '../tracing/index'
import { CommonErrors } from './common-errors'
import { errorBody } from './envelope'
import { toAppError } from './error-mapping'
import { parseJsonBody } from './json-body'
import type { RouteInspector } from './route-inspector'
import { statusCodeOf } from './status-code'
import { acceptRequestId, isValidTraceparent, newTraceparent } from './trace-context'

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

/** Largest request body any route accepts (1 MiB): commerce payloads are small JSON documents. */
export const maxBodyBytes = 1024 * 1024

const defaults: KitSettings = { logger: createLogger({ component: 'http' }), accessLog: false, routes: undefined }

// What onRequest stamps on Elysia's context, which is one object for the whole request (hooks, handler, onError,
// afterResponse): the ids and meta handlers read, and the clock the duration is measured from.
const startedAt = Symbol('startedAt')
const serverSpan = Symbol('serverSpan')
type Stamped = {
  requestId: string
  traceparent: string
  meta: RequestMeta
  [startedAt]?: number
  [serverSpan]?: Span | undefined
}

// Only for the types: onRequest replaces these on each request's own context before any hook or handler runs.
const unstamped: RequestMeta = Object.freeze({ now: new Date(0), correlationId: '', causationId: '' })

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

type Finished = {
  request: Request
  route: string
  set: { headers: Record<string, unknown> }
  kit: () => KitSettings
}

/** Names the request's server span by its route template (known only after routing) and ends it. */
function endServerSpan(span: Span | undefined, at: { method: string; route: string; statusCode: number }): void {
  if (span === undefined) return
  span.updateName(`${at.method} ${at.route}`)
  span.setAttributes({ 'http.route': at.route, 'http.response.status_code': at.statusCode })
  endSpan(span, at.statusCode >= 500 ? `HTTP ${at.statusCode}` : undefined)
}

const probePaths = /^https?:\/\/[^/]+\/(metrics|health\/)/

/** `/metrics` and `/health/*`: what Prometheus and the orchestrator ask every few seconds. */
const isProbe = (url: string) => probePaths.test(url)

/**
 * The request's server span, a child of the caller's valid `traceparent` (else the root of a new trace), and the
 * `traceparent` the request then carries: the span's own, so what it causes (calls, events) hangs below it. With
 * nothing recorded the caller's header passes on as it came, or a new one is made, as without tracing.
 */
function startServerSpan(request: Request): { span: Span | undefined; traceparent: string } {
  const header = request.headers.get('traceparent')
  const parent = header !== null && isValidTraceparent(header) ? header : undefined
  // Probes and scrapes are no one's request: a root trace of one span each, every few seconds, is noise.
  if (!isTracing() || isProbe(request.url)) return { span: undefined, traceparent: parent ?? newTraceparent() }
  const span = startSpan({
    name: request.method,
    kind: SpanKind.SERVER,
    parent,
    attributes: () => ({ 'http.request.method': request.method, 'url.path': new URL(request.url).pathname }),
  })
  return { span, traceparent: traceparentFor(span, parent) ?? newTraceparent() }
}

/** The request histogram and, when on, the access log line; one call per request (handler or error path). */
function record(context: Finished, statusCode: number): void {
  const { request, set } = context
  const status = String(statusCode)
  // The route template keeps label cardinality bounded; unmatched paths share one label.
  const route = context.route || 'UNMATCHED'
  const durationMs = performance.now() - ((context as unknown as Stamped)[startedAt] ?? performance.now())
  httpRequestDuration.series(request.method, route, status).observe(durationMs / 1000)
  endServerSpan((context as unknown as Stamped)[serverSpan], { method: request.method, route, statusCode })
  const kit = context.kit()
  const level = kit.accessLog ? 'info' : 'debug'
  // Checked before building the line: with the access log off this is the whole cost.
  if (!kit.logger.isLevelEnabled(level)) return
  const fields = { method: request.method, route, status, durationMs }
  const requestId = set.headers['x-request-id']
  kit.logger[level]('request', { requestId, traceId: traceIdOf(set.headers['traceparent']), ...fields })
}

/**
 * The shared HTTP plugin (global): X-Request-Id and traceparent accepted or created and echoed, `requestId`,
 * `traceparent` and `meta` for handlers, every error mapped to the SPEC §3 envelope, request duration recorded.
 */
export const httpKit = new Elysia({ name: '@commerce/platform/http-kit' })
  .decorate('kit', (): KitSettings => defaults)
  // Decorated, not derived: a global derive is one more hook, object and Object.assign per request, on every route.
  .decorate('requestId', '')
  .decorate('traceparent', '')
  .decorate('meta', unstamped)
  .onRequest((context) => {
    // Before routing, so 404s and malformed bodies carry the ids too.
    const stamped = context as typeof context & Stamped
    stamped[startedAt] = performance.now()
    const { headers } = context.request
    const requestId = acceptRequestId(headers.get('x-request-id'))
    const { span, traceparent } = startServerSpan(context.request)
    stamped[serverSpan] = span
    context.set.headers['x-request-id'] = requestId
    context.set.headers['traceparent'] = traceparent
    stamped.requestId = requestId
    stamped.traceparent = traceparent
    stamped.meta = { now: new Date(), correlationId: requestId, causationId: requestId, traceparent }
    // Bun would buffer up to 128 MB before Elysia parses it; a declared oversize body is refused at once.
    const length = headers.get('content-length')
    if (length !== null && Number(length) > maxBodyBytes) throw CommonErrors.payloadTooLarge(maxBodyBytes)
  })
  // Ahead of Elysia's JSON parser (json-body.ts): non-objects, malformed text and deep nesting are one 400 everywhere.
  .onParse({ as: 'global' }, ({ request }, contentType) =>
    contentType.startsWith('application/json') ? parseJsonBody(request) : undefined,
  )
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
    record(context, appError.status)
    return errorBody(appError)
  })
  // After the handler rather than after the response: onAfterResponse costs a setImmediate and a retained context per
  // request. The duration then ends before serialization, which is the handler's time, what the histogram is for.
  .onAfterHandle({ as: 'global' }, (context) => {
    record(context, statusCodeOf(context.responseValue, context.set.status))
  })
