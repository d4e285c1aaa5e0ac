import { freshName } from '@commerce/platform/testing'
import { type Actor, call, dataOf, waitFor } from './client'
import { e2eConfig } from './config'

const { urls } = e2eConfig

/** One SKU of a product the tests created: its id and what it costs. */
export interface Sku {
  skuId: number
  price: number
}

export interface Product {
  productId: number
  skus: Sku[]
}

/**
 * An ACTIVE product with `skuCount` SKUs (one option group; the n-th option costs `price + n × 1000`) made through
 * catalog's admin API: created (DRAFT), then activated. Its SKUs reach inventory through `product.sku.created` (CDC).
 */
export async function createActiveProduct(
  admin: Actor,
  options: { price: number; skuCount: number; name?: string },
): Promise<Product> {
  const { price, skuCount } = options
  const optionGroups =
    skuCount > 1
      ? [
          {
            name: 'size',
            options: Array.from({ length: skuCount }, (_, n) => ({ name: `S${n}`, additionalPrice: n * 1000 })),
          },
        ]
      : undefined
  const body = {
    name: options.name ?? freshName('e2e product'),
    description: 'made by the e2e tests',
    price,
    ...(optionGroups ? { optionGroups } : {}),
  }
  const created = await call(`${urls.catalog}/api/products`, {
    method: 'POST',
    body,
    token: admin.token,
    key: crypto.randomUUID(),
  })
  const product = dataOf<{ id: number; skus: { id: number; price: number }[] }>(created, 201, 'create a product')
  const activated = await call(`${urls.catalog}/api/products/${product.id}/status`, {
    method: 'PATCH',
    body: { status: 'ACTIVE' },
    token: admin.token,
  })
  dataOf(activated, 200, `activate product ${product.id}`)
  const skus = product.skus.map((s) => ({ skuId: s.id, price: s.price })).sort((a, b) => a.price - b.price)
  return { productId: product.id, skus }
}

/** The product's public detail (`GET /api/products/{id}`). */
export async function productDetail(productId: number) {
  const reply = await call(`${urls.catalog}/api/products/${productId}`)
  return dataOf<{
    salesCount: number
    status: string
    skus: { id: number; sellingPrice: number; available: boolean }[]
  }>(reply, 200, `read product ${productId}`)
}

/** The product's sales count as catalog shows it (added on `stock.confirmed`, taken back on `order.refunded`). */
export const salesCount = async (productId: number) => (await productDetail(productId)).salesCount

/** Waits until catalog shows `expected` sales for the product (they follow stock.confirmed / order.refunded); returns it. */
export async function salesCountReaches(productId: number, expected: number): Promise<number> {
  await waitFor(async () => (await salesCount(productId)) === expected, `product ${productId} sales = ${expected}`)
  return expected
}
