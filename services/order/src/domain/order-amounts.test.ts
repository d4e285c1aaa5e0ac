import { describe, expect, test } from 'bun:test'
import { newOrderNo, orderAmounts } from './order-amounts'

describe('order amounts', () => {
  test('when lines carry discounts, then subtotal is at list price, discount the difference, total what is charged', () => {
    const lines = [
      { skuId: 1, quantity: 2, listPrice: 10_000, unitPrice: 9_000 },
      { skuId: 2, quantity: 1, listPrice: 5_000, unitPrice: 5_000 },
    ]
    expect(orderAmounts(lines, 3_000)).toEqual({
      subtotalAmount: 25_000,
      discountAmount: 2_000,
      shippingFee: 3_000,
      totalAmount: 26_000,
      lineAmounts: [18_000, 5_000],
    })
  })

  test('when a selling price is above the list price, then no negative discount is shown and the total charges it', () => {
    const amounts = orderAmounts([{ skuId: 1, quantity: 1, listPrice: 1_000, unitPrice: 1_200 }], 0)
    expect([amounts.subtotalAmount, amounts.discountAmount, amounts.totalAmount]).toEqual([1_200, 0, 1_200])
  })
})

describe('order numbers', () => {
  test('when numbered, then ORD-yyyyMMdd-16 uppercase hex with the Korean business day', () => {
    const late = new Date('2026-12-04T16:30:00Z') // 01:30 on the 5th in Seoul
    const no = newOrderNo(late, new Uint8Array([0, 1, 2, 171, 205, 239, 16, 255]))
    expect(no).toBe('ORD-20261205-000102ABCDEF10FF')
    expect(newOrderNo(new Date('2026-12-04T03:00:00Z'))).toMatch(/^ORD-20261204-[0-9A-F]{16}$/)
  })
})
