import { Type } from '@sinclair/typebox'
import { defineEvent, type EventOf } from '../cloud-event'
import { Id, LineItem } from '../common'

/** A paid order's reserved stock became sold; the order is confirmed. */
export const StockConfirmedV1 = defineEvent({
  type: 'stock.confirmed',
  version: 1,
  source: '/commerce/inventory',
  aggregateType: 'inventory',
  key: (data) => String(data.orderId),
  subject: (data) => `order/${data.orderId}`,
  data: Type.Object({
    orderId: Id,
    items: Type.Array(LineItem, { minItems: 1 }),
  }),
})
export type StockConfirmedV1 = EventOf<typeof StockConfirmedV1>
