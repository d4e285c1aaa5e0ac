import { type Attributes, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api'
import { activeTracer } from './setup'
import { formatTraceparent, parseTraceparent } from './traceparent'

export { type Attributes, type Span, SpanKind }

/** A span to start: its name and kind, the `traceparent` it continues (none: a new trace), its attributes. */
export interface SpanStart {
  name: string
  kind: SpanKind
  parent: string | undefined
  /** Called only when the span records: nothing is built for a trace that is not sampled. */
  attributes?: () => Attributes
}

/**
 * Starts a span as a child of `start.parent`, or undefined when nothing would be recorded: tracing off, or a parent
 * that is not sampled (its ids travel on unchanged). A new trace (no valid parent) is sampled by the configured ratio.
 */
export function startSpan(start: SpanStart): Span | undefined {
  const tracer = activeTracer()
  if (tracer === undefined) return undefined
  const parent = parseTraceparent(start.parent)
  if (parent !== undefined && parent.traceFlags === 0) return undefined
  const context = parent ? trace.setSpanContext(ROOT_CONTEXT, parent) : ROOT_CONTEXT
  const attributes = start.attributes?.()
  return tracer.startSpan(start.name, attributes ? { kind: start.kind, attributes } : { kind: start.kind }, context)
}

/** What a child of `span` is given: the span's own `traceparent`, or `parent` as it came when no span was started. */
export const traceparentFor = (span: Span | undefined, parent: string | undefined): string | undefined =>
  span ? formatTraceparent(span.spanContext()) : parent

/** Ends a span; a `failure` marks it as an error (status and exception event). */
export function endSpan(span: Span | undefined, failure?: unknown): void {
  if (span === undefined) return
  if (failure !== undefined) {
    const message = failure instanceof Error ? failure.message : String(failure)
    span.recordException(failure instanceof Error ? failure : message)
    span.setStatus({ code: SpanStatusCode.ERROR, message })
  }
  span.end()
}

/**
 * Runs `fn` inside a span (see startSpan): `fn` gets the span (undefined when not recorded) and the `traceparent` its
 * own callees continue; the span ends when `fn` settles, as an error when it throws.
 */
export async function inSpan<T>(
  start: SpanStart,
  fn: (span: Span | undefined, traceparent: string | undefined) => Promise<T>,
): Promise<T> {
  const span = startSpan(start)
  if (span === undefined) return fn(undefined, start.parent)
  try {
    const result = await fn(span, formatTraceparent(span.spanContext()))
    span.end()
    return result
  } catch (error) {
    endSpan(span, error)
    throw error
  }
}
