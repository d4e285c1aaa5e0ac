import { type SpanContext, TraceFlags } from '@opentelemetry/api'

// W3C Trace Context `traceparent`: version-traceid-parentid-flags, lowercase hex.
const traceparentPattern = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/
const zeroTraceId = '0'.repeat(32)
const zeroSpanId = '0'.repeat(16)

/** The remote span context a valid `traceparent` names, or undefined (malformed, all-zero ids, version ff). */
export function parseTraceparent(value: string | undefined | null): SpanContext | undefined {
  if (!value) return undefined
  const match = traceparentPattern.exec(value)
  if (!match) return undefined
  const [, version, traceId = '', spanId = '', flags = '00'] = match
  if (version === 'ff' || traceId === zeroTraceId || spanId === zeroSpanId) return undefined
  return { traceId, spanId, traceFlags: Number.parseInt(flags, 16) & TraceFlags.SAMPLED, isRemote: true }
}

/** The `traceparent` (version 00) of a span context: what a child of that span is given to continue the trace. */
export function formatTraceparent(context: Pick<SpanContext, 'traceId' | 'spanId' | 'traceFlags'>): string {
  const sampled = (context.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED
  return `00-${context.traceId}-${context.spanId}-${sampled ? '01' : '00'}`
}

/** The trace id of a `traceparent` (log correlation), undefined when there is none. */
export const traceIdOf = (traceparent: string | undefined): string | undefined => traceparent?.split('-')[1]
