import { describe, expect, test } from 'bun:test'
import { canMove, isCancellableByOwner, isRefundable, orderStatuses, reactTo, type SagaSignal } from './order-status'

describe('order state machine (SPEC §6)', () => {
  test('when the happy path runs, then CREATED → PAYMENT_PENDING → PAID → CONFIRMED, each a legal move', () => {
    const path = [
      reactTo('CREATED', 'stock.reserved'),
      reactTo('PAYMENT_PENDING', 'payment.completed'),
      reactTo('PAID', 'stock.confirmed'),
    ]
    expect(path).toEqual([
      { kind: 'move', to: 'PAYMENT_PENDING' },
      { kind: 'move', to: 'PAID' },
      { kind: 'move', to: 'CONFIRMED' },
    ])
    expect([
      canMove('CREATED', 'PAYMENT_PENDING'),
      canMove('PAYMENT_PENDING', 'PAID'),
      canMove('PAID', 'CONFIRMED'),
    ]).toEqual([true, true, true])
  })

  test('when an event arrives early, then it is applied when safe and held when its prerequisite is missing', () => {
    expect([
      reactTo('CREATED', 'payment.completed'),
      reactTo('CREATED', 'payment.failed'),
      reactTo('PAYMENT_PENDING', 'stock.confirmed'),
      reactTo('CREATED', 'stock.confirm.failed'),
    ]).toEqual([{ kind: 'move', to: 'PAID' }, { kind: 'move', to: 'CANCELLED' }, { kind: 'hold' }, { kind: 'hold' }])
  })

  test('when an event repeats or comes for a state already left, then it is ignored, never a move', () => {
    expect([
      reactTo('PAYMENT_PENDING', 'stock.reserved'),
      reactTo('CANCELLED', 'stock.reserved'),
      reactTo('CONFIRMED', 'payment.completed'),
      reactTo('PAID', 'stock.reservation.expired'),
      reactTo('CANCELLED', 'payment.failed'),
      reactTo('FAILED', 'stock.reservation.failed'),
      reactTo('RESOLVED', 'payment.completed'),
      reactTo('RESOLVED', 'stock.confirm.failed'),
    ]).toEqual(Array(8).fill({ kind: 'ignore' }))
  })

  test('when compensations fire, then payment failure and expiry cancel an unpaid order and a failed confirm cancels a paid one', () => {
    expect([
      reactTo('PAYMENT_PENDING', 'payment.failed'),
      reactTo('CREATED', 'stock.reservation.expired'),
      reactTo('PAID', 'stock.confirm.failed'),
      reactTo('CREATED', 'stock.reservation.failed'),
    ]).toEqual([
      { kind: 'move', to: 'CANCELLED' },
      { kind: 'move', to: 'CANCELLED' },
      { kind: 'move', to: 'CANCELLED' },
      { kind: 'move', to: 'FAILED' },
    ])
  })

  test('every move a reaction asks for is a legal move, and every state but NEEDS_ATTENTION and RESOLVED can reach NEEDS_ATTENTION', () => {
    const signals: SagaSignal[] = [
      'stock.reserved',
      'stock.reservation.failed',
      'stock.reservation.expired',
      'payment.completed',
      'payment.failed',
      'stock.confirmed',
      'stock.confirm.failed',
    ]
    const illegal = orderStatuses.flatMap((status) =>
      signals
        .map((signal) => [signal, reactTo(status, signal)] as const)
        .filter(([, r]) => r.kind === 'move' && !canMove(status, r.to))
        .map(([signal]) => `${status} on ${signal}`),
    )
    expect(illegal).toEqual([])
    expect(orderStatuses.filter((s) => !canMove(s, 'NEEDS_ATTENTION'))).toEqual(['NEEDS_ATTENTION', 'RESOLVED'])
  })

  test('when the owner cancels or refunds, then only CREATED/PAYMENT_PENDING cancel and only CONFIRMED/PARTIALLY_REFUNDED refund', () => {
    expect(orderStatuses.filter(isCancellableByOwner)).toEqual(['CREATED', 'PAYMENT_PENDING'])
    expect(orderStatuses.filter(isRefundable)).toEqual(['CONFIRMED', 'PARTIALLY_REFUNDED'])
  })
})
