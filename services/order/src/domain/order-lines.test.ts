import { describe, expect, test } from 'bun:test'
import { mergeLines, shippingFeeFor } from './order-lines'

describe('order lines', () => {
  test('when a SKU appears twice, then it becomes one line with the quantities added, in first-seen order', () => {
    const lines = [
      { skuId: 7, quantity: 1 },
      { skuId: 3, quantity: 2 },
      { skuId: 7, quantity: 4 },
    ]
    expect(mergeLines(lines)).toEqual({
      lines: [
        { skuId: 7, quantity: 5 },
        { skuId: 3, quantity: 2 },
      ],
      tooMany: [],
    })
  })

  test('when merged quantities pass the limit, then the SKU is named', () => {
    const lines = [
      { skuId: 7, quantity: 60 },
      { skuId: 7, quantity: 60 },
    ]
    expect(mergeLines(lines).tooMany).toEqual([{ skuId: 7, quantity: 120 }])
  })

  test('when the lines charge at least the free-shipping amount, then shipping is free, else the flat fee', () => {
    const policy = { fee: 3_000, freeFrom: 50_000 }
    expect([
      shippingFeeFor(49_999, policy),
      shippingFeeFor(50_000, policy),
      shippingFeeFor(99_999, { fee: 3_000, freeFrom: 0 }),
    ]).toEqual([3_000, 0, 3_000])
  })
})
