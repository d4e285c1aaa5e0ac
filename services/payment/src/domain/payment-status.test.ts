import { describe, expect, test } from 'bun:test'
import { afterRefund, canMove, paymentStatuses } from './payment-status'

describe('payment state machine', () => {
  test('when a READY payment is decided, then it is approved, failed or voided, and nothing leaves FAILED or CANCELED', () => {
    expect(paymentStatuses.filter((to) => canMove('READY', to))).toEqual(['APPROVED', 'FAILED', 'CANCELED'])
    expect([
      ...paymentStatuses.filter((to) => canMove('FAILED', to)),
      ...paymentStatuses.filter((to) => canMove('CANCELED', to)),
    ]).toEqual([])
  })

  test('when an approved payment is refunded in two parts, then PARTIALLY_REFUNDED, then REFUNDED; a third is refused', () => {
    const paid = { status: 'APPROVED' as const, amount: 10_000, refundedAmount: 0 }
    const first = afterRefund(paid, 4_000)
    const second = afterRefund({ ...paid, status: 'PARTIALLY_REFUNDED', refundedAmount: 4_000 }, 6_000)
    const third = afterRefund({ ...paid, status: 'REFUNDED', refundedAmount: 10_000 }, 1)
    expect([first, second, third]).toEqual([
      { status: 'PARTIALLY_REFUNDED', refundedAmount: 4_000 },
      { status: 'REFUNDED', refundedAmount: 10_000 },
      { refused: 'NOT_CHARGED' },
    ])
  })

  test('when a refund asks for more than is left or for a payment never charged, then it is refused', () => {
    expect([
      afterRefund({ status: 'PARTIALLY_REFUNDED', amount: 10_000, refundedAmount: 8_000 }, 2_001),
      afterRefund({ status: 'READY', amount: 10_000, refundedAmount: 0 }, 1_000),
      afterRefund({ status: 'APPROVED', amount: 10_000, refundedAmount: 0 }, 0),
    ]).toEqual([{ refused: 'MORE_THAN_LEFT' }, { refused: 'NOT_CHARGED' }, { refused: 'MORE_THAN_LEFT' }])
  })
})
