import { describe, expect, test } from 'bun:test'
import { adminActor, registerBuyer } from './src/actors'
import { call, dataOf, waitFor } from './src/client'
import { e2eConfig } from './src/config'
import { orderReaches, type PlacedOrder, shippingAddress } from './src/orders'
import { type ReceivedSpan, startOtlpReceiver } from './src/otlp-receiver'
import { paymentKey, paymentReaches } from './src/payments'
import { skuAt, stockedShelf } from './src/saga'

const { urls } = e2eConfig
const hex = (bytes: number) => Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('hex')

// What one checkout must have produced, service by service: the two requests the buyer makes, the call order makes to
// catalog, the PG call, and a consumer span at every hop of the saga across Debezium and Kafka.
const expected = [
  'order POST /api/orders',
  'catalog GET /internal/skus',
  'inventory process order.placed',
  'payment process order.placed',
  'payment process stock.reserved',
  'order process stock.reserved',
  'payment POST /api/payments/confirm',
  'payment pg confirm',
  'order process payment.completed',
  'inventory process order.confirmed',
  'order process stock.confirmed',
  'catalog process stock.confirmed',
]

// A route declared as `/` under a prefix is named with its trailing slash (`POST /api/orders/`): compare without it.
const labelOf = (span: ReceivedSpan) => `${span.service} ${span.name.replace(/(.)\/$/, '$1')}`

/** The spans whose parent is not in the set: one tree has exactly one such span, its root. */
function rootsOf(spans: ReceivedSpan[], root: string): string[] {
  const ids = new Set([root, ...spans.map((s) => s.spanId)])
  return spans.filter((s) => !ids.has(s.parentSpanId)).map(labelOf)
}

describe('issue 13 §2: one checkout is one trace across the CDC hop', () => {
  test('when a buyer checks out through the gateway, then the spans of every service share the trace and form one tree', async () => {
    using receiver = startOtlpReceiver(e2eConfig.OTEL_EXPORTER_OTLP_ENDPOINT)
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const shelf = await stockedShelf(admin, [5])
    // The buyer's client span: the root of the trace, sent along on both requests of the checkout.
    const root = { traceId: hex(16), spanId: hex(8) }
    const headers = { traceparent: `00-${root.traceId}-${root.spanId}-01` }

    const placed = await call(`${urls.gateway}/api/orders`, {
      method: 'POST',
      body: { items: [{ skuId: skuAt(shelf, 0), quantity: 1 }], shippingAddress },
      token: buyer.token,
      key: crypto.randomUUID(),
      headers,
    })
    const order = dataOf<PlacedOrder>(placed, 201, 'place an order')
    const ready = await paymentReaches(buyer, order.orderId, ['READY'])
    const confirm = { orderId: order.orderId, paymentKey: paymentKey('approve'), amount: ready.amount }
    const confirmed = await call(`${urls.gateway}/api/payments/confirm`, {
      method: 'POST',
      body: confirm,
      token: buyer.token,
      key: crypto.randomUUID(),
      headers,
    })
    dataOf(confirmed, 200, 'confirm the payment')
    await orderReaches(buyer, order.orderId, ['CONFIRMED'])

    // Spans arrive in batches from six processes: wait until every expected hop is in and no span's parent is missing.
    const spans = await waitFor(() => {
      const now = receiver.trace(root.traceId)
      const labels = new Set(now.map(labelOf))
      const missing = expected.filter((l) => !labels.has(l))
      const orphans = rootsOf(now, root.spanId)
      if (missing.length === 0 && orphans.length === 0) return now
      // The reason `waitFor` reports when it gives up: what is missing, and everything that did arrive.
      throw new Error(`missing ${missing.join(', ')}; orphans ${orphans.join(', ')}; got ${[...labels].join(', ')}`)
    }, `the spans of trace ${root.traceId}`)
    console.log(`trace ${root.traceId}: ${spans.length} spans\n  ${spans.map(labelOf).sort().join('\n  ')}`)

    const consumerSpans = spans.filter((s) => s.attributes['messaging.system'] === 'kafka')
    expect({
      services: [...new Set(spans.map((s) => s.service))].sort(),
      hops: expected.filter((l) => spans.some((s) => labelOf(s) === l)),
      echoed: [placed, confirmed].map(() => headers.traceparent.split('-')[1]),
      uniqueSpanIds: new Set(spans.map((s) => s.spanId)).size,
      rootsBesidesTheBuyer: rootsOf(spans, root.spanId),
      childrenOfTheBuyer: spans
        .filter((s) => s.parentSpanId === root.spanId)
        .map(labelOf)
        .sort(),
      consumerSpansCarryTheRecord: consumerSpans.every(
        (s) =>
          s.kind === 5 &&
          typeof s.attributes['messaging.destination.name'] === 'string' &&
          s.attributes['messaging.message.id'],
      ),
    }).toEqual({
      services: ['catalog', 'inventory', 'order', 'payment'],
      hops: expected,
      echoed: [root.traceId, root.traceId],
      uniqueSpanIds: spans.length,
      rootsBesidesTheBuyer: [],
      childrenOfTheBuyer: ['order POST /api/orders', 'payment POST /api/payments/confirm'],
      consumerSpansCarryTheRecord: true,
    })
  })
})
