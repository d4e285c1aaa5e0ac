import { type Actor, call, dataOf, waitFor } from './client'
import { e2eConfig } from './config'

const { urls } = e2eConfig

/** One SKU's balance (SPEC §4): onHand = available + reserved. */
export interface StockView {
  onHand: number
  reserved: number
  available: number
}

/** The SKU's stock (`GET /api/inventories/{skuId}`). */
export async function readStock(skuId: number): Promise<StockView> {
  const { onHand, reserved, available } = dataOf<StockView>(
    await call(`${urls.inventory}/api/inventories/${skuId}`),
    200,
    `read stock of SKU ${skuId}`,
  )
  return { onHand, reserved, available }
}

/** The stock of several SKUs, in order. */
export const readStocks = (skuIds: number[]) => Promise.all(skuIds.map(readStock))

/** A balance with nothing reserved. */
export const free = (available: number): StockView => ({ onHand: available, reserved: 0, available })

/** Waits until inventory knows the SKU: `product.sku.created` travels catalog's outbox → Debezium → Kafka → inventory. */
export const untilKnown = (skuId: number) =>
  waitFor(
    async () => (await call(`${urls.inventory}/api/inventories/${skuId}`)).status === 200,
    `inventory knows SKU ${skuId}`,
  )

/** Adds `delta` to the SKU's available stock through the admin adjust (once inventory knows it); the new balance. */
export async function adjustStock(admin: Actor, at: { skuId: number; delta: number }): Promise<StockView> {
  await untilKnown(at.skuId)
  const reply = await call(`${urls.inventory}/api/inventories/${at.skuId}/adjust`, {
    method: 'POST',
    body: { delta: at.delta, reason: 'e2e stock' },
    token: admin.token,
    key: crypto.randomUUID(),
  })
  return dataOf<StockView>(reply, 200, `adjust SKU ${at.skuId} by ${at.delta}`)
}

/** Waits until the SKU's stock reads `expected` (saga steps move it asynchronously); returns it. */
export const stockReaches = (skuId: number, expected: StockView) =>
  waitFor(
    async () => {
      const now = await readStock(skuId)
      return (
        now.onHand === expected.onHand &&
        now.reserved === expected.reserved &&
        now.available === expected.available &&
        now
      )
    },
    `SKU ${skuId} stock ${JSON.stringify(expected)}`,
  )

/** TEST-ONLY fault switch (inventory with INVENTORY_FAULTS_ENABLED): confirming an order with the SKU fails. */
export async function setConfirmFails(admin: Actor, at: { skuId: number; on: boolean }) {
  const reply = await call(`${urls.inventory}/api/inventories/${at.skuId}/faults`, {
    method: 'PUT',
    body: { confirmFails: at.on },
    token: admin.token,
  })
  if (reply.status === 404) {
    throw new Error(
      "inventory's fault switch is off (PUT …/faults → 404): start the services with the test overlay " +
        '(`npm test`, or `STACK_PROFILE=test npm run stack restart-services`)',
    )
  }
  return dataOf(reply, 200, `switch confirm failure of SKU ${at.skuId}`)
}
