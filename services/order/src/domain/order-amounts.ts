/** One order line as priced from catalog at order time (never from the client, SPEC §4). */
export interface PricedLine {
  skuId: number
  quantity: number
  /** The SKU's price before discounts and promotions (base + option surcharges). */
  listPrice: number
  /** What the order charges per unit: catalog's `sellingPrice` at that moment. */
  unitPrice: number
}

export interface OrderAmounts {
  /** Σ listPrice × quantity (a unit price above its list price counts as the list price: no negative discount). */
  subtotalAmount: number
  /** Σ (listPrice − unitPrice) × quantity: what discounts and promotions took off. */
  discountAmount: number
  shippingFee: number
  /** subtotal − discount + shippingFee = Σ unitPrice × quantity + shippingFee: what payment charges. */
  totalAmount: number
  /** unitPrice × quantity per line, in the lines' order. */
  lineAmounts: number[]
}

/** The amounts of an order (original §6.1: total = subtotal − discount + shippingFee), all integer KRW. */
export function orderAmounts(lines: readonly PricedLine[], shippingFee: number): OrderAmounts {
  const lineAmounts = lines.map((l) => l.unitPrice * l.quantity)
  const charged = lineAmounts.reduce((sum, amount) => sum + amount, 0)
  const subtotalAmount = lines.reduce((sum, l) => sum + Math.max(l.listPrice, l.unitPrice) * l.quantity, 0)
  const discountAmount = subtotalAmount - charged
  const totalAmount = charged + shippingFee
  return { subtotalAmount, discountAmount, shippingFee, totalAmount, lineAmounts }
}

const kstOffsetMs = 9 * 3_600_000

/**
 * An order number `ORD-yyyyMMdd-<16 uppercase hex>` (original §6.1), the date in Korea's time zone (the business
 * day the customer sees). 64 random bits: collisions are left to the unique index. Toss takes it as its `orderId`.
 */
export function newOrderNo(now: Date, random: Uint8Array = crypto.getRandomValues(new Uint8Array(8))): string {
  const day = new Date(now.getTime() + kstOffsetMs).toISOString().slice(0, 10).replaceAll('-', '')
  const hex = Array.from(random, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()
  return `ORD-${day}-${hex}`
}
