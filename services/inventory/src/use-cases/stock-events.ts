import type { EventMeta } from '@commerce/contracts'
import { StockDepletedV1, StockRestoredV1 } from '@commerce/contracts/inventory'
import { appendOutbox } from '@commerce/platform/outbox'
import type { InventoryTx } from '../db'
import type { Crossing } from '../domain/operations'

/** `stock.depleted` / `stock.restored` for each SKU whose available stock crossed zero (keyed by SKU). */
export async function appendCrossings(
  tx: InventoryTx,
  { crossings, orderId }: { crossings: Crossing[]; orderId?: number | undefined },
  meta: EventMeta,
) {
  for (const { skuId, to } of crossings) {
    const data = orderId === undefined ? { skuId } : { skuId, orderId }
    await appendOutbox(tx, (to === 'depleted' ? StockDepletedV1 : StockRestoredV1).create(data, meta))
  }
}
