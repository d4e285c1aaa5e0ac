import { type Journey, request } from './journey'

const step = (spec: Parameters<typeof request>[1]) => request('checkout', spec)
const auth = { authorization: 'Bearer {{ token }}' }
const shippingAddress = {
  recipient: 'Load Buyer',
  phone: '010-1234-5678',
  zipCode: '06236',
  address: '서울특별시 강남구 테헤란로 1',
  addressDetail: '1층',
}

/**
 * The checkout saga as a client drives it: place an order, poll until its payment is READY (the saga reserved stock
 * and opened the payment), confirm it with an approving paymentKey, poll until the order is terminal. processor.cjs
 * counts the outcomes (`saga.<status>`) and the placed → terminal time (`saga.duration`).
 */
export const checkout: Journey = {
  name: 'checkout',
  mixedWeight: 4,
  thresholds: { p95: 150, p99: 400, maxErrorPercent: 0.1 },
  flow: [
    { function: 'pickSku' },
    step({
      method: 'post',
      url: '/api/orders',
      headers: auth,
      beforeRequest: 'withIdempotencyKey',
      json: { items: [{ skuId: '{{ skuId }}', quantity: 1 }], shippingAddress },
      capture: [
        { json: '$.data.orderId', as: 'orderId' },
        { json: '$.data.totalAmount', as: 'totalAmount' },
      ],
    }),
    { function: 'startSaga' },
    {
      loop: [
        { think: 0.2 },
        step({
          method: 'get',
          url: '/api/payments/orders/{{ orderId }}',
          headers: auth,
          allow: [404],
          capture: { json: '$.data.status', as: 'paymentStatus', strict: false },
        }),
      ],
      whileTrue: 'paymentNotReady',
    },
    step({
      method: 'post',
      url: '/api/payments/confirm',
      headers: auth,
      beforeRequest: 'withIdempotencyKey',
      json: { orderId: '{{ orderId }}', paymentKey: '{{ paymentKey }}', amount: '{{ totalAmount }}' },
    }),
    {
      loop: [
        { think: 0.2 },
        step({
          method: 'get',
          url: '/api/orders/{{ orderId }}',
          headers: auth,
          capture: { json: '$.data.status', as: 'orderStatus', strict: false },
        }),
      ],
      whileTrue: 'orderNotTerminal',
    },
    { function: 'recordSagaOutcome' },
  ],
}
