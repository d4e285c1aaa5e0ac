import { describe, expect, test } from 'bun:test'
import { type ConfirmView, decideConfirm } from './confirm'

const now = new Date('2026-03-01T10:00:00.000Z')
const ready: ConfirmView = {
  status: 'READY',
  amount: 10_000,
  expiresAt: new Date(now.getTime() + 60_000),
  paymentKey: null,
  failureReason: null,
  cancelRequested: false,
  pending: null,
}
const confirm = { paymentKey: 'pk-1', amount: 10_000, now }

describe('confirm decision', () => {
  test('when a READY payment in its window is confirmed with its amount, then an attempt starts', () => {
    expect(decideConfirm(ready, confirm)).toEqual({ kind: 'start' })
  })

  test('when the amount differs, then the confirm is refused whatever the state', () => {
    const wrong = { ...confirm, amount: 9_999 }
    expect([decideConfirm(ready, wrong), decideConfirm({ ...ready, status: 'APPROVED' }, wrong)]).toEqual([
      { kind: 'answer', answer: { kind: 'amount-mismatch' } },
      { kind: 'answer', answer: { kind: 'amount-mismatch' } },
    ])
  })

  test('when an attempt is in flight, then the same paymentKey joins it and another one is told to wait', () => {
    const inFlight = { ...ready, pending: { paymentKey: 'pk-1' } }
    expect([decideConfirm(inFlight, confirm), decideConfirm(inFlight, { ...confirm, paymentKey: 'pk-2' })]).toEqual([
      { kind: 'join' },
      { kind: 'answer', answer: { kind: 'in-progress' } },
    ])
  })

  test('when the window has closed or the order was cancelled, then no attempt starts', () => {
    expect([
      decideConfirm({ ...ready, expiresAt: now }, confirm),
      decideConfirm({ ...ready, cancelRequested: true }, confirm),
    ]).toEqual([{ kind: 'expire' }, { kind: 'answer', answer: { kind: 'order-cancelled' } }])
  })

  test('when the payment is decided, then a confirm answers what it came to', () => {
    const approved = { ...ready, status: 'APPROVED' as const, paymentKey: 'pk-1' }
    expect([
      decideConfirm(approved, confirm),
      decideConfirm(approved, { ...confirm, paymentKey: 'pk-2' }),
      decideConfirm({ ...ready, status: 'FAILED', failureReason: 'PAYMENT_TIMEOUT' }, confirm),
      decideConfirm({ ...ready, status: 'CANCELED', failureReason: 'ORDER_CANCELLED' }, confirm),
      decideConfirm({ ...ready, status: 'FAILED', failureReason: 'PG_DECLINED' }, confirm),
    ]).toEqual([
      { kind: 'answer', answer: { kind: 'approved' } },
      { kind: 'answer', answer: { kind: 'not-payable', status: 'APPROVED' } },
      { kind: 'answer', answer: { kind: 'expired' } },
      { kind: 'answer', answer: { kind: 'order-cancelled' } },
      { kind: 'answer', answer: { kind: 'declined', pgErrorCode: 'PG_DECLINED' } },
    ])
  })
})
