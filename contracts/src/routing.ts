/** How an event is partitioned (outbox key) and what it is about (CloudEvents subject), both read from its data. */
export interface Routing<D> {
  readonly key: (data: D) => string
  readonly subject: (data: D) => string
}

// Every id on the wire is a positive integer (SPEC §4), so a routing field must be a required number.
type Ids<K extends string> = { readonly [P in K]: number }

function route<K extends string, N extends string>(keyField: K, kind: string, nameField: N): Routing<Ids<K | N>> {
  return { key: (data) => String(data[keyField]), subject: (data) => `${kind}/${data[nameField]}` }
}

/** About an order: key orderId, so one order's events stay in order; subject `order/<orderId>`. */
export const aboutOrder = route('orderId', 'order', 'orderId')

/** About an order's payment: keyed by orderId, not paymentId, so the order's saga stays in order on the topic. */
export const aboutPayment = route('orderId', 'payment', 'paymentId')

/** About a SKU's stock: key skuId, so availability changes of one SKU stay in order; subject `sku/<skuId>`. */
export const aboutSku = route('skuId', 'sku', 'skuId')

/** About one SKU of a product: keyed by productId, so one product's changes stay in order; subject `sku/<skuId>`. */
export const aboutProductSku = route('productId', 'sku', 'skuId')

/** About a product listing: key productId; subject `product/<productId>`. */
export const aboutProduct = route('productId', 'product', 'productId')

/** About a member: key userId; subject `user/<userId>`. */
export const aboutUser = route('userId', 'user', 'userId')
