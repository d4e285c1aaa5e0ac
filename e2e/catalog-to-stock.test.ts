import { describe, expect, test } from 'bun:test'
import { adminActor, registerBuyer } from './src/actors'
import { productDetail } from './src/catalog'
import { call, waitFor } from './src/client'
import { e2eConfig } from './src/config'
import { stockedShelf } from './src/saga'
import { free, readStocks } from './src/stock'

// The harness's own journey, which needs no order or payment: what every saga scenario stands on.

describe('a product on sale', () => {
  test('when an admin creates an ACTIVE product with two SKUs and stocks them, then inventory shows the stock and catalog shows them available', async () => {
    const admin = await adminActor()

    const shelf = await stockedShelf(admin, [7, 3], 12_000)

    const skuIds = shelf.skus.map((s) => s.skuId)
    const detail = await waitFor(async () => {
      const now = await productDetail(shelf.productId)
      return now.skus.every((s) => s.available) && now
    }, 'catalog shows both SKUs available (stock.restored)')
    expect({
      stock: await readStocks(skuIds),
      catalog: {
        status: detail.status,
        salesCount: detail.salesCount,
        skus: detail.skus.map((s) => [s.id, s.sellingPrice]),
      },
    }).toEqual({
      stock: [free(7), free(3)],
      catalog: {
        status: 'ACTIVE',
        salesCount: 0,
        skus: shelf.skus.map((s, n) => [s.skuId, 12_000 + n * 1000]),
      },
    })
  })

  test('when a buyer registers and logs in, then their token reads their own profile', async () => {
    const buyer = await registerBuyer()

    const me = await call(`${e2eConfig.urls.user}/api/users/me`, { token: buyer.token })

    expect([me.status, me.body.data?.id, me.body.data?.email]).toEqual([200, buyer.userId, buyer.email])
  })
})
