/** One span as the services exported it (OTLP/HTTP JSON): ids in hex, the exporting service from its resource. */
export interface ReceivedSpan {
  service: string
  traceId: string
  spanId: string
  /** Empty for the root of a trace. */
  parentSpanId: string
  name: string
  kind: number
  attributes: Record<string, unknown>
}

type KeyValue = { key: string; value: Record<string, unknown> }
type ExportRequest = {
  resourceSpans?: {
    resource?: { attributes?: KeyValue[] }
    scopeSpans?: { spans?: (Omit<ReceivedSpan, 'service' | 'attributes'> & { attributes?: KeyValue[] })[] }[]
  }[]
}

const anyValueOf = (value: Record<string, unknown>) => Object.values(value)[0]
const attributesOf = (list: KeyValue[] = []) => Object.fromEntries(list.map((a) => [a.key, anyValueOf(a.value)]))

function spansOf(request: ExportRequest): ReceivedSpan[] {
  return (request.resourceSpans ?? []).flatMap((resourceSpans) => {
    const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name'] ?? '')
    return (resourceSpans.scopeSpans ?? []).flatMap((scope) =>
      (scope.spans ?? []).map((span) => ({
        service,
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId ?? '',
        name: span.name,
        kind: span.kind,
        attributes: attributesOf(span.attributes),
      })),
    )
  })
}

/**
 * A minimal OTLP/HTTP trace receiver (what Jaeger or Tempo would be): `POST /v1/traces` with a JSON body, the spans
 * kept in memory for the test to read. Protobuf bodies are refused (415): the services export JSON.
 */
export function startOtlpReceiver(endpoint: string) {
  const spans: ReceivedSpan[] = []
  const server = Bun.serve({
    hostname: new URL(endpoint).hostname,
    port: Number(new URL(endpoint).port),
    fetch: async (request) => {
      if (request.method !== 'POST' || new URL(request.url).pathname !== '/v1/traces') {
        return new Response('not found', { status: 404 })
      }
      if (!request.headers.get('content-type')?.includes('application/json')) {
        return new Response('only application/json', { status: 415 })
      }
      spans.push(...spansOf((await request.json()) as ExportRequest))
      return Response.json({})
    },
  })
  return {
    /** The spans of one trace received so far. */
    trace: (traceId: string) => spans.filter((span) => span.traceId === traceId),
    /** How many spans were received in all. */
    count: () => spans.length,
    [Symbol.dispose]: () => void server.stop(true),
  }
}
