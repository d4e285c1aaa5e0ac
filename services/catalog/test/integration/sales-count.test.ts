import { describe, expect, test } from 'bun:test'
import { StockConfirmedV1 } from '@commerce/contracts/inventory'
import { OrderRefundedV1 } from '@commerce/contracts/order'
import {
  eventually,
  freshId,
  inboxRows,
  publishBroken,
  publishEvent,
  publishRepeatedly,
  tapTopics,
} from '@commerce/platform/testing'
import { catalogForFile, get, insertProduct } from './reads-fixture'

const services = catalogForFile()
const colours = [
  {
    name: 'colour',
    options: [
      { name: 'red', additionalPrice: 0 },
      { name: 'blue', additionalPrice: 0 },
    ],
  },
]

// Through HTTP (cached detail): proves the handler bumped the generation after its commit.
const salesOf = async (productId: number) =>
  (await get(`${services.catalog.url}/api/products/${productId}`)).body.data.salesCount as number
const inbox = (eventId: string) => inboxRows(services.catalog.deps.db, { consumer: services.group, eventId })

const refund = (orderId: number, items: { skuId: number; quantity: number }[]) => ({
  ...{ orderId, userId: 1, refundedAmount: 1_000, totalRefundedAmount: 1_000, status: 'PARTIALLY_REFUNDED' as const },
  items: items.map((item, i) => ({ itemId: i + 1, ...item })),
})

describe('on stock.confirmed', () => {
  test('when an order’s stock is confirmed, then each product counts the quantities of all its SKUs', async () => {
    const shirt = await insertProduct(services.catalog, { optionGroups: colours })
    const mug = await insertProduct(services.catalog, { salesCount: 5 })
    await salesOf(shirt.productId)
    const [red, blue] = shirt.skuIds as [number, number]
    const items = [
      { skuId: red, quantity: 2 },
      { skuId: blue, quantity: 3 },
      { skuId: mug.skuIds[0] as number, quantity: 1 },
      { skuId: 9_007_199_254_740_991, quantity: 4 }, // unknown here: skipped
    ]

    await publishEvent(services.catalog.deps.kafka, StockConfirmedV1, { orderId: freshId(), items })
    await eventually(async () => (await salesOf(shirt.productId)) === 5)

    expect([await salesOf(shirt.productId), await salesOf(mug.productId)]).toEqual([5, 6])
  })

  test('when the same stock.confirmed arrives twice, then it counts once', async () => {
    const { productId, skuIds } = await insertProduct(services.catalog)
    const data = { orderId: freshId(), items: [{ skuId: skuIds[0] as number, quantity: 3 }] }
    const twice = await publishRepeatedly(services.catalog.deps.kafka, StockConfirmedV1, { data, times: 2 })
    const once = { ...data, items: [{ skuId: skuIds[0] as number, quantity: 1 }] }
    const later = await publishEvent(services.catalog.deps.kafka, StockConfirmedV1, once)
    await eventually(async () => (await inbox(later.id)) === 1)

    expect([await inbox(twice.id), await salesOf(productId)]).toEqual([1, 4])
  })

  test('when a stock.confirmed breaks the contract, then it lands in the DLQ and the partition moves on', async () => {
    const { productId, skuIds } = await insertProduct(services.catalog)
    await using dlq = await tapTopics(services.catalog.deps.kafka, ['commerce.inventory.events.dlq'])
    const valid = { orderId: freshId(), items: [{ skuId: skuIds[0] as number, quantity: 2 }] }
    const broken = await publishBroken(services.catalog.deps.kafka, StockConfirmedV1, {
      valid,
      broken: { orderId: valid.orderId, items: [] },
    })
    await publishEvent(services.catalog.deps.kafka, StockConfirmedV1, valid)

    const letter = await eventually(() => dlq.records.find((r) => r.headers['id'] === broken.id))
    await eventually(async () => (await salesOf(productId)) === 2)

    expect([letter.headers['dlq-reason'], await inbox(broken.id)]).toEqual(['contract-violation', 0])
  })
})

describe('on order.refunded', () => {
  test('when items are refunded, then their products count fewer sales, never below 0', async () => {
    const shirt = await insertProduct(services.catalog, { optionGroups: colours, salesCount: 10 })
    const rare = await insertProduct(services.catalog, { salesCount: 1 })
    await salesOf(shirt.productId)
    const items = [
      { skuId: shirt.skuIds[0] as number, quantity: 2 },
      { skuId: shirt.skuIds[1] as number, quantity: 1 },
      { skuId: rare.skuIds[0] as number, quantity: 3 },
    ]

    await publishEvent(services.catalog.deps.kafka, OrderRefundedV1, refund(freshId(), items))
    await eventually(async () => (await salesOf(shirt.productId)) === 7)

    expect([await salesOf(shirt.productId), await salesOf(rare.productId)]).toEqual([7, 0])
  })

  test('when the same order.refunded arrives twice, then it subtracts once', async () => {
    const { productId, skuIds } = await insertProduct(services.catalog, { salesCount: 10 })
    const orderId = freshId()
    const data = refund(orderId, [{ skuId: skuIds[0] as number, quantity: 3 }])
    const twice = await publishRepeatedly(services.catalog.deps.kafka, OrderRefundedV1, { data, times: 2 })
    const later = await publishEvent(
      services.catalog.deps.kafka,
      OrderRefundedV1,
      refund(orderId, [{ skuId: skuIds[0] as number, quantity: 1 }]),
    )
    await eventually(async () => (await inbox(later.id)) === 1)

    expect([await inbox(twice.id), await salesOf(productId)]).toEqual([1, 6])
  })

  test('when an order.refunded breaks the contract, then it lands in the DLQ and the partition moves on', async () => {
    const { productId, skuIds } = await insertProduct(services.catalog, { salesCount: 4 })
    await using dlq = await tapTopics(services.catalog.deps.kafka, ['commerce.order.events.dlq'])
    const valid = refund(freshId(), [{ skuId: skuIds[0] as number, quantity: 1 }])
    const broken = await publishBroken(services.catalog.deps.kafka, OrderRefundedV1, {
      valid,
      broken: { ...valid, items: [{ itemId: 1, skuId: skuIds[0], quantity: -1 }] },
    })
    await publishEvent(services.catalog.deps.kafka, OrderRefundedV1, valid)

    const letter = await eventually(() => dlq.records.find((r) => r.headers['id'] === broken.id))
    await eventually(async () => (await salesOf(productId)) === 3)

    expect([letter.headers['dlq-reason'], await inbox(broken.id)]).toEqual(['contract-violation', 0])
  })
})
