/** A line as asked for: a SKU and a quantity. */
export interface RequestedLine {
  skuId: number
  quantity: number
}

/** Limits of one order (and one cart): how many distinct SKUs, how many units of one. */
export const orderLimits = { maxLines: 50, maxQuantity: 99 } as const

/**
 * The same SKU twice in one order is one line with the quantities added (as a cart merges them), in the order each
 * SKU first appears. A merged quantity above the limit is the caller's to fix: the field errors say which SKU.
 */
export function mergeLines(lines: readonly RequestedLine[]): {
  lines: RequestedLine[]
  tooMany: { skuId: number; quantity: number }[]
} {
  const merged = new Map<number, number>()
  for (const line of lines) merged.set(line.skuId, (merged.get(line.skuId) ?? 0) + line.quantity)
  const out = [...merged].map(([skuId, quantity]) => ({ skuId, quantity }))
  return { lines: out, tooMany: out.filter((l) => l.quantity > orderLimits.maxQuantity) }
}

/** Shipping: a flat fee, free from a charged amount on (0 = never free). */
export interface ShippingPolicy {
  fee: number
  freeFrom: number
}

/** The shipping fee of an order whose lines charge `charged`. */
export const shippingFeeFor = (charged: number, policy: ShippingPolicy): number =>
  policy.freeFrom > 0 && charged >= policy.freeFrom ? 0 : policy.fee
