import { OrderPlacedV1 } from '@commerce/contracts/order'
import { handle } from '@commerce/platform/kafka'
import { learnOrder } from '../use-cases/learn-order'
import type { HandlerDeps } from './deps'

/** An order was placed: payment learns its buyer, amount and number (SPEC §6 step 3). */
export const onOrderPlaced = (deps: HandlerDeps) =>
  handle(OrderPlacedV1, async (event, { tx, meta }) => {
    const { orderId, userId, payableAmount, orderNo } = event.data
    const fact = { kind: 'placed' as const, orderId, userId, amount: payableAmount, orderNo }
    await learnOrder(tx, { fact, windowMs: deps.windowMs }, meta)
  })
