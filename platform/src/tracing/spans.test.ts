import { afterEach, describe, expect, test } from 'bun:test'
import { SpanKind, SpanStatusCode } from '@opentelemetry/api'
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base'
import { setupTracing, type Tracing } from './setup'
import { inSpan, startSpan, traceparentFor } from './spans'
import { parseTraceparent } from './traceparent'

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736'
const sampled = `00-${traceId}-00f067aa0ba902b7-01`
const unsampled = `00-${traceId}-00f067aa0ba902b7-00`

let tracing: Tracing | undefined
afterEach(async () => {
  await tracing?.shutdown()
  tracing = undefined
})

function recordInMemory(sampleRatio = 1) {
  const exporter = new InMemorySpanExporter()
  const options = { enabled: true, serviceName: 'unit', endpoint: undefined, batchDelayMs: 10 }
  tracing = setupTracing({ ...options, sampleRatio, exporter })
  const finished = async () => {
    await tracing?.flush()
    return exporter.getFinishedSpans()
  }
  return { finished }
}

describe('spans with tracing off', () => {
  test('when no endpoint is configured, then no span is made and the parent passes on unchanged', async () => {
    tracing = setupTracing({
      enabled: true,
      serviceName: 'unit',
      endpoint: undefined,
      sampleRatio: 1,
      batchDelayMs: 10,
    })
    let attributesBuilt = false
    const start = {
      name: 'op',
      kind: SpanKind.INTERNAL,
      parent: sampled,
      attributes: () => {
        attributesBuilt = true
        return {}
      },
    }
    expect(startSpan(start)).toBeUndefined()
    expect(await inSpan(start, async (span, traceparent) => ({ span, traceparent }))).toEqual({
      span: undefined,
      traceparent: sampled,
    })
    expect({ recording: tracing.recording, attributesBuilt }).toEqual({ recording: false, attributesBuilt: false })
  })

  test('when TRACING_ENABLED is false, then even an explicit exporter records nothing', () => {
    const exporter = new InMemorySpanExporter()
    tracing = setupTracing({
      enabled: false,
      serviceName: 'unit',
      endpoint: undefined,
      sampleRatio: 1,
      batchDelayMs: 10,
      exporter,
    })
    expect(startSpan({ name: 'op', kind: SpanKind.INTERNAL, parent: sampled })).toBeUndefined()
  })
})

describe('spans with tracing on', () => {
  test('when a span continues a sampled traceparent, then it is its child and callees get the span own traceparent', async () => {
    const { finished } = recordInMemory()
    const inner = await inSpan(
      { name: 'op', kind: SpanKind.CONSUMER, parent: sampled, attributes: () => ({ 'messaging.system': 'kafka' }) },
      async (_, traceparent) => traceparent,
    )
    const [span] = await finished()
    expect({
      name: span?.name,
      kind: span?.kind,
      traceId: span?.spanContext().traceId,
      parentSpanId: span?.parentSpanContext?.spanId,
      attributes: span?.attributes,
      inner,
    }).toEqual({
      name: 'op',
      kind: SpanKind.CONSUMER,
      traceId,
      parentSpanId: '00f067aa0ba902b7',
      attributes: { 'messaging.system': 'kafka' },
      inner: `00-${traceId}-${span?.spanContext().spanId}-01`,
    })
  })

  test('when the parent is not sampled, then no span is made and its traceparent travels on', async () => {
    const { finished } = recordInMemory()
    const inner = await inSpan({ name: 'op', kind: SpanKind.INTERNAL, parent: unsampled }, async (_, t) => t)
    expect({ inner, spans: (await finished()).length }).toEqual({ inner: unsampled, spans: 0 })
  })

  test('when there is no parent and the ratio samples nothing, then the new trace is marked not sampled', async () => {
    const { finished } = recordInMemory(0)
    const span = startSpan({ name: 'root', kind: SpanKind.SERVER, parent: undefined })
    const traceparent = traceparentFor(span, undefined)
    span?.end()
    expect({ flags: parseTraceparent(traceparent)?.traceFlags, spans: (await finished()).length }).toEqual({
      flags: 0,
      spans: 0,
    })
  })

  test('when the work throws, then the span ends as an error and the error goes on', async () => {
    const { finished } = recordInMemory()
    const failing = inSpan({ name: 'op', kind: SpanKind.INTERNAL, parent: sampled }, async () => {
      throw new Error('boom')
    })
    expect(failing).rejects.toThrow('boom')
    await failing.catch(() => undefined)
    const [span] = await finished()
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'boom' })
  })
})
