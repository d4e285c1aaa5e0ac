import { CommonErrors } from '@commerce/platform/http'
import type { ShippingAddress } from '../db/schema'
import { OrderErrors } from '../domain/errors'
import type { OrderAmounts } from '../domain/order-amounts'
import { mergeLines, orderLimits, type RequestedLine, type ShippingPolicy } from '../domain/order-lines'
import { type PricedOrderLine, priceLines } from '../domain/pricing'
import type { Remote } from './remote'

/** Where the order ships: an address of the member's by id, or one given inline. */
export type ShippingChoice = { shippingAddressId?: number | undefined; shippingAddress?: ShippingAddress | undefined }

/** An order ready to be written: priced lines, amounts and the address snapshot. */
export interface OrderDraft {
  userId: number
  lines: PricedOrderLine[]
  amounts: OrderAmounts
  shippingAddress: ShippingAddress
}

function oneAddress(choice: ShippingChoice): { id: number } | { inline: ShippingAddress } {
  const { shippingAddressId: id, shippingAddress: inline } = choice
  if (id !== undefined && inline === undefined) return { id }
  if (inline !== undefined && id === undefined) return { inline }
  const reason = 'Give exactly one of shippingAddressId and shippingAddress'
  throw CommonErrors.validation([{ field: 'shippingAddressId', value: id ?? null, reason }])
}

/**
 * Everything an order needs from outside, read BEFORE its transaction opens (no network call inside one): the lines
 * merged by SKU, priced and checked by catalog, and the shipping address (user's, when given by id).
 */
export async function draftOrder(
  remote: Remote,
  input: { userId: number; items: RequestedLine[]; shipping: ShippingChoice; policy: ShippingPolicy },
  meta: { correlationId?: string; traceparent?: string },
): Promise<OrderDraft> {
  const where = oneAddress(input.shipping)
  const { lines, tooMany } = mergeLines(input.items)
  if (tooMany.length > 0) {
    const reason = `At most ${orderLimits.maxQuantity} units of one SKU`
    throw CommonErrors.validation(
      tooMany.map((l) => ({ field: `items[skuId=${l.skuId}].quantity`, value: l.quantity, reason })),
    )
  }
  const [offers, shippingAddress] = await Promise.all([
    remote.skus(
      lines.map((l) => l.skuId),
      meta,
    ),
    'inline' in where ? where.inline : remote.address({ userId: input.userId, addressId: where.id }, meta),
  ])
  const priced = priceLines(lines, offers, input.policy)
  if (!priced.ok) {
    throw priced.problem === 'unknown-skus'
      ? OrderErrors.skuNotFound(priced.skuIds)
      : OrderErrors.skuNotActive(priced.skuIds)
  }
  return { userId: input.userId, lines: priced.lines, amounts: priced.amounts, shippingAddress }
}
