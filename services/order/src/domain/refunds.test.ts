import { describe, expect, test } from 'bun:test'
import { planRefund, type RefundableItem, statusAfterRefund } from './refunds'

// Two items (10 000 + 5 000) and a 3 000 shipping fee: the order charged 18 000.
const items = (statuses: RefundableItem['status'][] = ['ORDERED', 'ORDERED']): RefundableItem[] => [
  { id: 1, lineAmount: 10_000, status: statuses[0] ?? 'ORDERED' },
  { id: 2, lineAmount: 5_000, status: statuses[1] ?? 'ORDERED' },
]
const totalAmount = 18_000

describe('refund amounts (SPEC §4)', () => {
  test('when one of two items is refunded, then its line amount is refunded and the order is partly refunded', () => {
    expect(planRefund(items(), { requested: [1], totalAmount })).toEqual({
      ok: true,
      itemIds: [1],
      refundAmount: 10_000,
    })
    expect(statusAfterRefund(items(), [1])).toBe('PARTIALLY_REFUNDED')
  })

  test('when the last item is refunded after the first, then the shipping fee comes with it and the parts add up to the total', () => {
    const second = planRefund(items(['REFUNDED', 'ORDERED']), { requested: [2], totalAmount })
    expect(second).toEqual({ ok: true, itemIds: [2], refundAmount: 8_000 })
    expect(10_000 + (second.ok ? second.refundAmount : 0)).toBe(totalAmount)
    expect(statusAfterRefund(items(['REFUNDED', 'ORDERED']), [2])).toBe('REFUNDED')
  })

  test('when no items are named, then every item still ordered is refunded, with the shipping fee', () => {
    expect(planRefund(items(), { requested: undefined, totalAmount })).toEqual({
      ok: true,
      itemIds: [1, 2],
      refundAmount: totalAmount,
    })
  })

  test('when an item is unknown, already refunded or being refunded, then the request is refused and names it', () => {
    expect([
      planRefund(items(), { requested: [1, 99], totalAmount }),
      planRefund(items(['REFUNDED', 'ORDERED']), { requested: [1], totalAmount }),
      planRefund(items(['ORDERED', 'REFUND_REQUESTED']), { requested: [2], totalAmount }),
      planRefund(items(['REFUNDED', 'REFUNDED']), { requested: undefined, totalAmount }),
    ]).toEqual([
      { ok: false, problem: 'unknown-items', itemIds: [99] },
      { ok: false, problem: 'not-refundable', itemIds: [1] },
      { ok: false, problem: 'not-refundable', itemIds: [2] },
      { ok: false, problem: 'not-refundable', itemIds: [] },
    ])
  })

  test('when an item id is named twice, then it is refunded once', () => {
    expect(planRefund(items(), { requested: [1, 1], totalAmount })).toEqual({
      ok: true,
      itemIds: [1],
      refundAmount: 10_000,
    })
  })
})
