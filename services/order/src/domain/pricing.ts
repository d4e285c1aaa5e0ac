import { type OrderAmounts, orderAmounts } from './order-amounts'
import { type RequestedLine, type ShippingPolicy, shippingFeeFor } from './order-lines'

/** A SKU as catalog offers it at this moment (its internal API's answer: services/catalog/src/http/internal.routes.ts). */
export interface SkuOffer {
  id: number
  productId: number
  productName: string
  optionValues: Record<string, string>
  price: number
  sellingPrice: number
  status: string
}

/** One order line priced from catalog: the snapshot an order item keeps. */
export interface PricedOrderLine extends RequestedLine {
  productId: number
  productName: string
  optionValues: Record<string, string>
  listPrice: number
  unitPrice: number
}

export type Priced =
  | { ok: true; lines: PricedOrderLine[]; amounts: OrderAmounts }
  | { ok: false; problem: 'unknown-skus' | 'inactive-skus'; skuIds: number[] }

/**
 * Prices `lines` from catalog's answer (SPEC §4: never from the client): each unit at its `sellingPrice`, list price
 * for the subtotal, the shipping fee by `policy`. An unknown SKU, or one not ACTIVE, refuses the whole order.
 */
export function priceLines(
  lines: readonly RequestedLine[],
  offers: readonly SkuOffer[],
  policy: ShippingPolicy,
): Priced {
  const byId = new Map(offers.map((o) => [o.id, o]))
  const unknown = lines.filter((l) => !byId.has(l.skuId)).map((l) => l.skuId)
  if (unknown.length > 0) return { ok: false, problem: 'unknown-skus', skuIds: unknown }
  const inactive = lines.filter((l) => byId.get(l.skuId)?.status !== 'ACTIVE').map((l) => l.skuId)
  if (inactive.length > 0) return { ok: false, problem: 'inactive-skus', skuIds: inactive }
  const priced = lines.flatMap((l) => {
    const offer = byId.get(l.skuId)
    if (!offer) return []
    const { productId, productName, optionValues } = offer
    return [{ ...l, productId, productName, optionValues, listPrice: offer.price, unitPrice: offer.sellingPrice }]
  })
  const charged = priced.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0)
  return { ok: true, lines: priced, amounts: orderAmounts(priced, shippingFeeFor(charged, policy)) }
}
