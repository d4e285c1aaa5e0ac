import { describe, expect, test } from 'bun:test'
import { awaitsOperator, isClosedByOperator, statusAfterCancelRefund, statusAfterRecordedRefund } from './attention'
import { canMove, orderStatuses } from './order-status'

describe('NEEDS_ATTENTION and RESOLVED (SPEC §6: an operator retries or closes a failed compensation)', () => {
  test('when a retried refund succeeds and nothing else is outstanding, then the order leaves NEEDS_ATTENTION for the refund state', () => {
    expect([
      statusAfterRecordedRefund({ status: 'NEEDS_ATTENTION', next: 'REFUNDED', refundsOutstanding: false }),
      statusAfterRecordedRefund({ status: 'NEEDS_ATTENTION', next: 'PARTIALLY_REFUNDED', refundsOutstanding: false }),
      statusAfterCancelRefund('NEEDS_ATTENTION'),
    ]).toEqual(['REFUNDED', 'PARTIALLY_REFUNDED', 'CANCELLED'])
  })

  test('when another refund is still outstanding, then a refund that succeeded leaves the order in NEEDS_ATTENTION', () => {
    expect(statusAfterRecordedRefund({ status: 'NEEDS_ATTENTION', next: 'REFUNDED', refundsOutstanding: true })).toBe(
      'NEEDS_ATTENTION',
    )
  })

  test('when the order is not waiting for an operator, then refunds move it as before and a cancelled one stays CANCELLED', () => {
    expect([
      statusAfterRecordedRefund({ status: 'CONFIRMED', next: 'PARTIALLY_REFUNDED', refundsOutstanding: true }),
      statusAfterRecordedRefund({ status: 'PARTIALLY_REFUNDED', next: 'REFUNDED', refundsOutstanding: false }),
      statusAfterRecordedRefund({ status: 'REFUNDED', next: 'REFUNDED', refundsOutstanding: false }),
      statusAfterCancelRefund('CANCELLED'),
    ]).toEqual(['PARTIALLY_REFUNDED', 'REFUNDED', 'REFUNDED', 'CANCELLED'])
  })

  test('when an order is RESOLVED, then nothing moves it again, not even a refund', () => {
    expect(orderStatuses.filter((to) => canMove('RESOLVED', to))).toEqual([])
    expect(statusAfterRecordedRefund({ status: 'RESOLVED', next: 'REFUNDED', refundsOutstanding: false })).toBe(
      'RESOLVED',
    )
  })

  test('only NEEDS_ATTENTION awaits an operator, only RESOLVED is closed by one, and NEEDS_ATTENTION leaves only for the states a compensation implies or RESOLVED', () => {
    expect(orderStatuses.filter(awaitsOperator)).toEqual(['NEEDS_ATTENTION'])
    expect(orderStatuses.filter(isClosedByOperator)).toEqual(['RESOLVED'])
    expect(orderStatuses.filter((to) => canMove('NEEDS_ATTENTION', to))).toEqual([
      'PARTIALLY_REFUNDED',
      'REFUNDED',
      'CANCELLED',
      'RESOLVED',
    ])
  })
})
