import { describe, expect, test } from 'bun:test'
import { isTerminal, type SagaEnd, type SagaRecord, tallySagas } from './saga-check'

const record = (orderId: number, outcome: SagaRecord['outcome']): SagaRecord => ({ orderId, email: 'b@x', outcome })

describe('tallySagas', () => {
  test('when every order ended as its buyer drove it, then all completed, counted per outcome and end', () => {
    const records = [record(1, 'approve'), record(2, 'approve'), record(3, 'decline'), record(4, 'cancel')]
    const ends = new Map<number, SagaEnd>([
      [1, { order: 'CONFIRMED', payment: 'APPROVED' }],
      [2, { order: 'CONFIRMED', payment: 'APPROVED' }],
      [3, { order: 'CANCELLED', payment: 'FAILED' }],
      [4, { order: 'CANCELLED', payment: 404 }],
    ])

    expect(tallySagas(records, ends, 3)).toEqual({
      placed: 4,
      terminal: 4,
      asIntended: 4,
      ends: {
        approve: { 'CONFIRMED / APPROVED': 2 },
        decline: { 'CANCELLED / FAILED': 1 },
        cancel: { 'CANCELLED / 404': 1 },
      },
      waitedS: 3,
      allCompleted: true,
    })
  })

  test('when one is still moving, one ended otherwise and one could not be read, then not all completed', () => {
    const records = [record(1, 'refund'), record(2, 'decline'), record(3, 'approve')]
    const ends = new Map<number, SagaEnd>([
      [1, { order: 'CONFIRMED', payment: 'APPROVED' }],
      [2, { order: 'PAYMENT_PENDING', payment: 'READY' }],
    ])

    expect(tallySagas(records, ends, 120)).toEqual({
      placed: 3,
      terminal: 1,
      asIntended: 0,
      ends: {
        refund: { 'CONFIRMED / APPROVED': 1 },
        decline: { 'PAYMENT_PENDING / READY': 1 },
        approve: { UNREAD: 1 },
      },
      waitedS: 120,
      allCompleted: false,
    })
  })
})

describe('isTerminal', () => {
  test('when the order is final with no refund moving, then it is terminal; a refund in progress or PAYMENT_PENDING is not', () => {
    expect([
      isTerminal({ status: 'REFUNDED', items: [{ status: 'REFUNDED' }] }),
      isTerminal({ status: 'CONFIRMED', items: [{ status: 'REFUND_REQUESTED' }] }),
      isTerminal({ status: 'PAYMENT_PENDING', items: [{ status: 'ORDERED' }] }),
    ]).toEqual([true, false, false])
  })
})
