// Artillery's processor (run by Node inside Artillery, hence CommonJS): the hooks the journeys name.
const { appendFileSync } = require('node:fs')
const { randomUUID } = require('node:crypto')

const terminal = new Set(['CONFIRMED', 'FAILED', 'CANCELLED', 'REFUNDED', 'PARTIALLY_REFUNDED', 'NEEDS_ATTENTION'])
// How long a buyer waits (polling every 0.2 s) for the payment to be READY, and then for the order to settle, before
// giving up: the saga is counted STUCK by the client (the after-run check still reads it). Time, not a poll count, so
// that an overloaded run (slow polls) drains within a bounded time after its arrival phase.
const paymentWaitMs = 60_000
const settleWaitMs = 60_000
// How the PG sandbox answers a confirm is chosen by the paymentKey's prefix (SPEC §4).
const keyPrefix = { approve: 'pk_', decline: 'fail_', cancel: 'pk_', refund: 'pk_' }

/** A random SKU of the load product (`loadSkuIds`, comma-separated, comes from the run's config.variables). */
function pickSku(context, _events, done) {
  const skuIds = String(context.vars.loadSkuIds).split(',').map(Number)
  context.vars.skuId = skuIds[Math.floor(Math.random() * skuIds.length)]
  context.vars.skuIds = skuIds
  done()
}

/** The product whose detail a browse opens: the list page's first, else the load product (`loadProductId`). */
function pickProduct(context, _events, done) {
  context.vars.productId = context.vars.listedProductId ?? context.vars.loadProductId
  done()
}

// biome-ignore lint/complexity/useMaxParams: Artillery calls hooks with this signature
function withIdempotencyKey(request, _context, _events, done) {
  request.headers = { ...request.headers, 'idempotency-key': randomUUID() }
  done()
}

/** Files each response under its journey: latency, and an error unless 2xx or a code the step allows. */
// biome-ignore lint/complexity/useMaxParams: Artillery calls hooks with this signature
function measure(request, response, _context, events, done) {
  const journey = request.headers['x-load-journey'] ?? 'unknown'
  const allowed = String(request.headers['x-load-allow'] ?? '').split(',')
  const ms = response.timings?.phases?.total
  if (ms !== undefined) events.emit('histogram', `journey.${journey}.response_time`, ms)
  events.emit('counter', `journey.${journey}.requests`, 1)
  const status = response.statusCode
  if (status >= 300 && !allowed.includes(String(status))) {
    events.emit('counter', `journey.${journey}.errors`, 1)
    events.emit('counter', `journey.${journey}.errors.${status}`, 1)
  }
  done()
}

/**
 * Right after the order is placed: notes the outcome the buyer will drive it to, and files the order in the run's
 * saga log (`sagaLog`, one JSON line each) so that the run checks afterwards, server side, that every saga ended —
 * including those whose client gave up.
 */
const startSaga = (outcome) => (context, _events, done) => {
  context.vars.sagaOutcome = outcome
  context.vars.sagaStartedAt = Date.now()
  context.vars.waitingSince = Date.now()
  context.vars.awaitRefund = false
  context.vars.paymentKey = `${keyPrefix[outcome]}${randomUUID()}`
  const line = { orderId: context.vars.orderId, email: context.vars.email, outcome }
  appendFileSync(context.vars.sagaLog, `${JSON.stringify(line)}\n`)
  done()
}

const waited = (context, ms) => Date.now() - context.vars.waitingSince >= ms

function paymentNotReady(context, next) {
  const ready = context.vars.paymentStatus === 'READY'
  // The order's wait starts when the payment's ends.
  if (ready) context.vars.waitingSince = Date.now()
  next(!ready && !waited(context, paymentWaitMs))
}

/** After the refund request: the order is settled again once REFUNDED (or in a final status other than CONFIRMED). */
function awaitRefund(context, _events, done) {
  context.vars.awaitRefund = true
  context.vars.orderStatus = 'CONFIRMED'
  context.vars.waitingSince = Date.now()
  done()
}

function orderNotTerminal(context, next) {
  const status = context.vars.orderStatus
  const settled = context.vars.awaitRefund ? status !== 'CONFIRMED' && terminal.has(status) : terminal.has(status)
  next(!settled && !waited(context, settleWaitMs))
}

/** What the client saw at the end: `saga.<outcome>.<status>` (STUCK when it gave up polling) and the time taken. */
function recordSagaOutcome(context, events, done) {
  const status = terminal.has(context.vars.orderStatus) ? context.vars.orderStatus : 'STUCK'
  events.emit('counter', `saga.${context.vars.sagaOutcome}.${status}`, 1)
  events.emit('histogram', 'saga.duration', Date.now() - context.vars.sagaStartedAt)
  done()
}

module.exports = {
  pickSku,
  pickProduct,
  withIdempotencyKey,
  measure,
  startApprovedSaga: startSaga('approve'),
  startDeclinedSaga: startSaga('decline'),
  startCancelledSaga: startSaga('cancel'),
  startRefundedSaga: startSaga('refund'),
  paymentNotReady,
  awaitRefund,
  orderNotTerminal,
  recordSagaOutcome,
}
