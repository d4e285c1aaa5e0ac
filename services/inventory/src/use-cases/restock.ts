import type { EventMeta } from '@commerce/contracts'
import type { SkuAnswer } from '../db/stock-store'
import { opKeys } from '../domain/operations'
import { isRecorded, recordOperation } from './record-operation'
import { inventoryTx, type StockContext } from './steps'
import { appendCrossings } from './stock-events'

export interface RefundedItem {
  itemId: number
  skuId: number
  quantity: number
}

/**
 * Refunded units go back on sale (SPEC §6: refund → `order.refunded` → inventory restocks), once per order item
 * whatever redelivers the refund. A SKU inventory does not know is skipped and reported.
 */
export async function restockRefund(
  { steps, store }: StockContext,
  input: { orderId: number; items: RefundedItem[] },
  meta: EventMeta,
): Promise<{ restocked: number; unknown: number[] }> {
  const { orderId } = input
  const pending = await steps.read(async (tx) => {
    const open: RefundedItem[] = []
    for (const item of input.items) {
      if (!(await isRecorded(inventoryTx(tx), opKeys.restock(orderId, item.itemId)))) open.push(item)
    }
    return open
  })
  const applied: { item: RefundedItem; answer: SkuAnswer }[] = []
  const unknown: number[] = []
  for (const item of pending) {
    const answer = await store.add(opKeys.restock(orderId, item.itemId), {
      skuId: item.skuId,
      delta: item.quantity,
      floor: false,
    })
    if (answer.status === 'APPLIED') applied.push({ item, answer })
    else unknown.push(item.skuId)
  }
  return steps.finalStep(async (anyTx) => {
    const tx = inventoryTx(anyTx)
    let restocked = 0
    for (const { item } of applied) {
      const opKey = opKeys.restock(orderId, item.itemId)
      const movements = [{ skuId: item.skuId, availableDelta: item.quantity, reservedDelta: 0 }]
      const recorded = await recordOperation(tx, { opKey, kind: 'RESTOCK', orderId, movements, now: meta.now })
      if (!recorded.fresh) continue
      restocked += 1
      await appendCrossings(tx, { crossings: recorded.crossings, orderId }, meta)
    }
    return { restocked, unknown }
  })
}
