import type { EventMeta } from '@commerce/contracts'
import { opKeys } from '../domain/operations'
import { isRecorded, recordOperation } from './record-operation'
import { inventoryTx, type StockContext } from './steps'
import { appendCrossings } from './stock-events'

/**
 * A new SKU gets its stock (SPEC §7: quantity 0 unless the catalog says otherwise; its demo data does). From then on
 * the SKU is known: reads, reservations and adjustments find it. Created with stock → `stock.restored` (catalog shows
 * it available); created at 0 publishes nothing, as catalog already shows a new SKU unavailable.
 */
export async function initializeStock(
  { steps, store }: StockContext,
  input: { skuId: number; quantity: number },
  meta: EventMeta,
): Promise<'created' | 'known-before'> {
  const opKey = opKeys.initialize(input.skuId)
  if (await steps.read((tx) => isRecorded(inventoryTx(tx), opKey))) return 'known-before'
  const answer = await store.initialize(opKey, input.skuId, input.quantity)
  // EXISTS: Redis has the SKU without this operation (restored from elsewhere): record the row, move nothing.
  const quantity = answer.status === 'CREATED' ? input.quantity : 0
  return steps.finalStep(async (anyTx) => {
    const tx = inventoryTx(anyTx)
    const movements = [{ skuId: input.skuId, availableDelta: quantity, reservedDelta: 0 }]
    const recorded = await recordOperation(tx, { opKey, kind: 'INITIALIZE', movements, now: meta.now })
    if (!recorded.fresh) return 'known-before'
    await appendCrossings(tx, { crossings: recorded.crossings }, meta)
    return 'created'
  })
}
