export { isTracing, setupTracing, type Tracing, type TracingOptions } from './setup'
export {
  type Attributes,
  endSpan,
  inSpan,
  type Span,
  SpanKind,
  type SpanStart,
  startSpan,
  traceparentFor,
} from './spans'
export { formatTraceparent, parseTraceparent, traceIdOf } from './traceparent'
