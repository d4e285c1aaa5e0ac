import { describe, expect, test } from 'bun:test'
import type { EventDefinition } from '@commerce/contracts'
import {
  StockConfirmedV1,
  StockConfirmFailedV1,
  StockReservationExpiredV1,
  StockReservationFailedV1,
  StockReservedV1,
} from '@commerce/contracts/inventory'
import { PaymentCompletedV1, PaymentFailedV1, PaymentRefundFailedV1 } from '@commerce/contracts/payment'
import { eventually, inboxRows, publishBroken, publishRepeatedly, tapTopics } from '@commerce/platform/testing'
import type { TSchema } from '@sinclair/typebox'
import type { OrderStatus } from '../../src/domain/order-status'
import { orderWithConsumers, seedOrder } from './saga-fixture'

// Each handler's three tests (STYLE §5.8): the event arrives, arrives twice, breaks its contract.

type Seeded = Awaited<ReturnType<typeof seedOrder>>

interface Case<S extends TSchema> {
  definition: EventDefinition<S>
  from: OrderStatus
  to: OrderStatus
  reason: string
  data: (order: Seeded) => Parameters<EventDefinition<S>['create']>[0]
  /** What the move publishes: `[type, reason?]`. */
  publishes: [string, string?][]
}

const at = () => new Date().toISOString()
const payment = (order: Seeded) => ({ paymentId: order.orderId, orderId: order.orderId, currency: 'KRW' as const })

// biome-ignore lint/suspicious/noExplicitAny: a table of cases over different event schemas
const cases: Case<any>[] = [
  {
    definition: StockReservedV1,
    from: 'CREATED',
    to: 'PAYMENT_PENDING',
    reason: 'STOCK_RESERVED',
    data: (o) => ({ orderId: o.orderId, items: o.lines, expiresAt: at() }),
    publishes: [],
  },
  {
    definition: StockReservationFailedV1,
    from: 'CREATED',
    to: 'FAILED',
    reason: 'NOT_ENOUGH_STOCK',
    data: (o) => ({
      orderId: o.orderId,
      reason: 'NOT_ENOUGH_STOCK',
      failedItems: [{ skuId: o.lines[0]?.skuId, requestedQuantity: 1, availableQuantity: 0 }],
    }),
    publishes: [],
  },
  {
    definition: StockReservationExpiredV1,
    from: 'PAYMENT_PENDING',
    to: 'CANCELLED',
    reason: 'RESERVATION_EXPIRED',
    data: (o) => ({ orderId: o.orderId, items: o.lines, expiredAt: at() }),
    publishes: [['order.cancelled', 'RESERVATION_EXPIRED']],
  },
  {
    definition: PaymentCompletedV1,
    from: 'PAYMENT_PENDING',
    to: 'PAID',
    reason: 'PAYMENT_COMPLETED',
    data: (o) => ({ ...payment(o), pgTransactionId: 'tx-1', paidAmount: 23_000, approvedAt: at() }),
    publishes: [['order.confirmed']],
  },
  {
    definition: PaymentFailedV1,
    from: 'PAYMENT_PENDING',
    to: 'CANCELLED',
    reason: 'PAYMENT_FAILED:PG_DECLINED',
    data: (o) => ({ ...payment(o), cancelledAmount: 23_000, reason: 'PG_DECLINED', cancelledAt: at() }),
    publishes: [['order.cancelled', 'PAYMENT_FAILED']],
  },
  {
    definition: StockConfirmedV1,
    from: 'PAID',
    to: 'CONFIRMED',
    reason: 'STOCK_CONFIRMED',
    data: (o) => ({ orderId: o.orderId, items: o.lines }),
    publishes: [],
  },
  {
    definition: StockConfirmFailedV1,
    from: 'PAID',
    to: 'CANCELLED',
    reason: 'STOCK_CONFIRM_FAILED:RESERVATION_EXPIRED',
    data: (o) => ({ orderId: o.orderId, reason: 'RESERVATION_EXPIRED' }),
    publishes: [['order.cancelled', 'STOCK_CONFIRM_FAILED']],
  },
  {
    definition: PaymentRefundFailedV1,
    from: 'CONFIRMED',
    to: 'NEEDS_ATTENTION',
    reason: 'REFUND_FAILED:REFUND_REQUESTED:PROVIDER_ERROR',
    data: (o) => ({
      ...payment(o),
      reason: 'REFUND_REQUESTED',
      amount: 10_000,
      pgErrorCode: 'PROVIDER_ERROR',
      refundedItemIds: [o.itemIds[0]],
      failedAt: at(),
    }),
    publishes: [],
  },
]

describe('saga handlers', () => {
  const { db, kafka, handled, state } = orderWithConsumers()
  /** History after the seed row, and what the order published, while the first move is what the test caused. */
  const effects = async (orderId: number) => {
    const s = await state(orderId)
    return {
      moves: s.history.slice(1),
      published: s.events.map((e) => [e.type, e.data['reason']].filter((x) => x !== undefined)),
    }
  }

  for (const c of cases) {
    const type = c.definition.type
    const expected = (reason: string) => ({
      moves: [[c.from, c.to, reason]],
      published: c.publishes.map((p) => p.filter((x) => x !== undefined)),
    })

    test(`when ${type} arrives for an order in ${c.from}, then it moves to ${c.to}`, async () => {
      const order = await seedOrder(db(), c.from)
      await handled(await publishRepeatedly(kafka(), c.definition, { data: c.data(order), times: 1 }))
      // A PAID order's order.confirmed reaches the stack's inventory, which may answer later: look at the first move.
      const seen = await effects(order.orderId)
      expect({ moves: seen.moves.slice(0, 1), published: seen.published.slice(0, c.publishes.length) }).toEqual(
        expected(c.reason),
      )
      const { status } = await state(order.orderId)
      expect(c.to === 'PAID' ? ['PAID', 'CANCELLED'] : [c.to]).toContain(status ?? '')
    })

    test(`when ${type} arrives twice, then the order moves once and publishes once`, async () => {
      const order = await seedOrder(db(), c.from)
      await handled(await publishRepeatedly(kafka(), c.definition, { data: c.data(order), times: 2 }))
      const seen = await effects(order.orderId)
      expect({
        moves: seen.moves.filter((m) => m[1] === c.to),
        published: seen.published.filter((p) => c.publishes.some((q) => q[0] === p[0])),
      }).toEqual(expected(c.reason))
    })

    test(`when ${type} breaks its contract, then it lands in the DLQ and the next event is handled`, async () => {
      const order = await seedOrder(db(), c.from)
      await using dlq = await tapTopics(kafka(), [`${c.definition.topic}.dlq`])
      const valid = c.data(order)
      const broken = await publishBroken(kafka(), c.definition, { valid, broken: { orderId: 'seventeen' } })
      await handled(await publishRepeatedly(kafka(), c.definition, { data: valid, times: 1 }))
      const letter = await eventually(() =>
        dlq.records.find((r) => r.headers['id'] === broken.id && r.headers['dlq-consumer'] === 'order'),
      )
      expect({
        reason: letter.headers['dlq-reason'],
        inbox: await inboxRows(db(), { consumer: 'order', eventId: broken.id }),
        moved: (await effects(order.orderId)).moves[0],
      }).toEqual({ reason: 'contract-violation', inbox: 0, moved: [c.from, c.to, c.reason] })
    })
  }
})
