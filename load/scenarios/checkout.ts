import { type Journey, request, type Step } from './journey'

const step = (spec: Parameters<typeof request>[1]) => request('checkout', spec)
const auth = { authorization: 'Bearer {{ token }}' }
const shippingAddress = {
  recipient: 'Load Buyer',
  phone: '010-1234-5678',
  zipCode: '06236',
  address: '서울특별시 강남구 테헤란로 1',
  addressDetail: '1층',
}

/** The outcomes a buyer drives a checkout to, and the share of checkouts each gets (out of 20: 85 / 5 / 5 / 5 %). */
export type SagaOutcome = 'approve' | 'decline' | 'cancel' | 'refund'
export const outcomeShares: Record<SagaOutcome, number> = { approve: 17, decline: 1, cancel: 1, refund: 1 }
const startHook: Record<SagaOutcome, string> = {
  approve: 'startApprovedSaga',
  decline: 'startDeclinedSaga',
  cancel: 'startCancelledSaga',
  refund: 'startRefundedSaga',
}

const pollOrderUntilSettled: Step = {
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
}

/** Place an order, file it in the saga log, poll until its payment is READY (the saga reserved stock and opened it). */
const placeAndAwaitPayment = (outcome: SagaOutcome): Step[] => [
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
  { function: startHook[outcome] },
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
]

// The PG sandbox declines a `fail_` key: 422 PAYMENT-422-001 is the answer the buyer expects then.
const confirm = (allow?: number[]) =>
  step({
    method: 'post',
    url: '/api/payments/confirm',
    headers: auth,
    beforeRequest: 'withIdempotencyKey',
    json: { orderId: '{{ orderId }}', paymentKey: '{{ paymentKey }}', amount: '{{ totalAmount }}' },
    ...(allow ? { allow } : {}),
  })

const cancel = step({ method: 'post', url: '/api/orders/{{ orderId }}/cancel', headers: auth })
const refundAll = step({
  method: 'post',
  url: '/api/orders/{{ orderId }}/refund',
  headers: auth,
  beforeRequest: 'withIdempotencyKey',
  json: {},
})

/** What the buyer does once the payment is READY, per outcome, up to the order's settled status. */
const endings: Record<SagaOutcome, Step[]> = {
  approve: [confirm(), pollOrderUntilSettled],
  decline: [confirm([422]), pollOrderUntilSettled],
  cancel: [cancel, pollOrderUntilSettled],
  refund: [confirm(), pollOrderUntilSettled, refundAll, { function: 'awaitRefund' }, pollOrderUntilSettled],
}

/**
 * The checkout saga as a client drives it, with the outcomes people meet: most buyers confirm with an approving
 * paymentKey (→ CONFIRMED); a few are declined by the PG (→ CANCELLED, payment FAILED), cancel while the payment is
 * READY (→ CANCELLED, payment voided) or refund the whole order once it is confirmed (→ REFUNDED). processor.cjs counts
 * what the client saw (`saga.<outcome>.<status>`, `saga.duration`); saga-check.ts checks every order server side.
 */
export const checkout: Journey = {
  name: 'checkout',
  mixedWeight: 4,
  thresholds: { p95: 150, p99: 400, maxErrorPercent: 0.1 },
  variants: (Object.keys(outcomeShares) as SagaOutcome[]).map((outcome) => ({
    name: outcome,
    share: outcomeShares[outcome],
    flow: [...placeAndAwaitPayment(outcome), ...endings[outcome], { function: 'recordSagaOutcome' }],
  })),
}
