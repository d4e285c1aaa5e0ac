/** Units of one SKU: what a reservation, a release or a restock moves. */
export interface StockItem {
  skuId: number
  quantity: number
}

/**
 * The items of an order with each SKU once, quantities summed, in SKU order: a line repeated in an order must not
 * be checked twice against the same stock, and a fixed order keeps balance-row locks from deadlocking.
 */
export function mergeItems(items: readonly StockItem[]): StockItem[] {
  const totals = new Map<number, number>()
  for (const item of items) totals.set(item.skuId, (totals.get(item.skuId) ?? 0) + item.quantity)
  return [...totals].sort(([a], [b]) => a - b).map(([skuId, quantity]) => ({ skuId, quantity }))
}
