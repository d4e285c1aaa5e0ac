import type { Tracer } from '@opentelemetry/api'
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http'
import { resourceFromAttributes } from '@opentelemetry/resources'
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  type SpanExporter,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base'
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions'

/** How one process traces (from `TracingEnv`, platform/src/config). */
export interface TracingOptions {
  enabled: boolean
  serviceName: string
  serviceVersion?: string
  /** OTLP/HTTP base URL (`http://collector:4318`); spans go to `<endpoint>/v1/traces` as JSON. Unset: no spans. */
  endpoint: string | undefined
  /** Share of new traces recorded (0..1); a caller's sampled flag decides for the traces it started. */
  sampleRatio: number
  /** How long the batch processor waits before sending what it holds (ms). */
  batchDelayMs: number
  /** Where spans go instead of OTLP (unit tests: the SDK's in-memory exporter); records even without an endpoint. */
  exporter?: SpanExporter
}

/** The process's tracing: `shutdown` sends the spans still held and stops the exporter. */
export interface Tracing {
  readonly recording: boolean
  /** Sends the spans held now (tests, before reading what was exported). */
  flush(): Promise<void>
  shutdown(): Promise<void>
}

// The one tracer of the process, undefined while nothing is recorded: every span helper checks this first, so with
// tracing off (or no endpoint) a request pays one comparison and the trace ids still pass through unchanged.
let active: Tracer | undefined

/** The tracer spans are made with, or undefined when this process records none. */
export const activeTracer = (): Tracer | undefined => active

/** True while this process records spans. */
export const isTracing = (): boolean => active !== undefined

const idle: Tracing = { recording: false, flush: async () => undefined, shutdown: async () => undefined }

// OTLP/HTTP with JSON bodies (the exporter's default encoding), to the collector's standard traces path.
const otlpExporter = (endpoint: string) => new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` })

/**
 * Sets up tracing for this process (once, at start): an SDK tracer provider, parent-based ratio sampling, a batch
 * processor and the OTLP/HTTP JSON exporter. No context manager and no auto-instrumentation: the platform passes the
 * parent explicitly (a `traceparent` string in `meta`, an event or a header), which is what Bun needs.
 */
export function setupTracing(options: TracingOptions): Tracing {
  const exporter = options.exporter ?? (options.endpoint ? otlpExporter(options.endpoint) : undefined)
  if (!options.enabled || exporter === undefined) {
    active = undefined
    return idle
  }
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: options.serviceName,
      ...(options.serviceVersion ? { [ATTR_SERVICE_VERSION]: options.serviceVersion } : {}),
    }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(options.sampleRatio) }),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: options.batchDelayMs })],
  })
  const tracer = provider.getTracer('@commerce/platform')
  active = tracer
  return {
    recording: true,
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      if (active === tracer) active = undefined
      await provider.shutdown()
    },
  }
}
