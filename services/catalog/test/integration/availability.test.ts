import { describe, expect, test } from 'bun:test'
import { StockDepletedV1, StockRestoredV1 } from '@commerce/contracts/inventory'
import {
  eventually,
  inboxRows,
  publishBroken,
  publishEvent,
  publishRepeatedly,
  tapTopics,
} from '@commerce/platform/testing'
import { catalogForFile, get, insertProduct } from './reads-fixture'

const services = catalogForFile()
const sizes = [
  {
    name: 'size',
    options: [
      { name: 'S', additionalPrice: 0 },
      { name: 'L', additionalPrice: 0 },
    ],
  },
]

// What a shopper sees through HTTP: the product's and each SKU's availability (the detail is cached: reads prove the bump).
const availability = async (productId: number) => {
  const { body } = await get(`${services.catalog.url}/api/products/${productId}`)
  const detail = body.data as { available: boolean; skus: { available: boolean }[] }
  return [detail.available, ...detail.skus.map((sku) => sku.available)]
}

const inbox = (eventId: string) => inboxRows(services.catalog.deps.db, { consumer: services.group, eventId })

describe('on stock.depleted / stock.restored', () => {
  test('when a SKU is depleted, then it shows unavailable and the product only once no ACTIVE SKU is available', async () => {
    const { productId, skuIds } = await insertProduct(services.catalog, { optionGroups: sizes, available: true })
    const [small, large] = skuIds as [number, number]
    await availability(productId) // cached before the events: the bump must make the next read fresh

    await publishEvent(services.catalog.deps.kafka, StockDepletedV1, { skuId: small })
    await eventually(async () => (await availability(productId))[1] === false)
    const oneLeft = await availability(productId)
    await publishEvent(services.catalog.deps.kafka, StockDepletedV1, { skuId: large, orderId: 7 })
    await eventually(async () => (await availability(productId))[0] === false)

    expect([oneLeft, await availability(productId)]).toEqual([
      [true, false, true],
      [false, false, false],
    ])
  })

  test('when a depleted SKU is restored, then it and its product show available again', async () => {
    const { productId, skuIds } = await insertProduct(services.catalog, { optionGroups: sizes, available: false })
    await availability(productId)

    await publishEvent(services.catalog.deps.kafka, StockRestoredV1, { skuId: skuIds[1] as number })
    await eventually(async () => (await availability(productId))[0] === true)

    expect(await availability(productId)).toEqual([true, false, true])
  })

  test('when the same stock.depleted arrives twice, then it takes effect once', async () => {
    const { productId, skuIds } = await insertProduct(services.catalog, { available: true })
    const data = { skuId: skuIds[0] as number }
    const twice = await publishRepeatedly(services.catalog.deps.kafka, StockDepletedV1, { data, times: 2 })
    // Same key, same partition: once this later event is in, both deliveries before it were handled.
    const later = await publishEvent(services.catalog.deps.kafka, StockRestoredV1, data)
    await eventually(async () => (await inbox(later.id)) === 1)

    expect([await inbox(twice.id), await availability(productId)]).toEqual([1, [true, true]])
  })

  test('when a stock.restored breaks the contract, then it lands in the DLQ and the partition moves on', async () => {
    const { productId, skuIds } = await insertProduct(services.catalog, { available: false })
    await using dlq = await tapTopics(services.catalog.deps.kafka, ['commerce.inventory.events.dlq'])
    const valid = { skuId: skuIds[0] as number }
    const broken = await publishBroken(services.catalog.deps.kafka, StockRestoredV1, {
      valid,
      broken: { skuId: 'seventeen' },
    })
    await publishEvent(services.catalog.deps.kafka, StockRestoredV1, valid)

    const letter = await eventually(() => dlq.records.find((r) => r.headers['id'] === broken.id))
    await eventually(async () => (await availability(productId))[0] === true)

    expect([letter.headers['dlq-reason'], await inbox(broken.id)]).toEqual(['contract-violation', 0])
  })
})
