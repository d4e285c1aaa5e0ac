import { describe, expect, test } from 'bun:test'
import { type CloudEvent, ContractViolation } from '@commerce/contracts'
import { OrderPlacedV1 } from '@commerce/contracts/order'
import fixture from '../../../contracts/fixtures/order.placed.v1.json'
import { createLogger } from '../log/index'
import { type HandlerContext, handle } from './handle'

const meta = { now: new Date('2024-05-01T12:00:00.000Z'), correlationId: 'corr-1', causationId: 'cause-1' }
const context: HandlerContext = { tx: {} as never, meta, logger: createLogger({}, 'error') }
const placed = OrderPlacedV1.create(fixture, meta).event

function recordingHandler() {
  const seen: { event: OrderPlacedV1; context: HandlerContext }[] = []
  const handler = handle(OrderPlacedV1, async (event, ctx) => {
    seen.push({ event, context: ctx })
  })
  return { handler, seen }
}

describe('handle', () => {
  test('when the data meets the contract, then fn receives the event with parsed data and the context', async () => {
    const { handler, seen } = recordingHandler()

    await handler.run(placed as CloudEvent<unknown>, context)

    expect({ type: handler.type, dataschema: handler.dataschema, mode: handler.mode, seen }).toEqual({
      type: 'order.placed',
      dataschema: 'urn:commerce:schema:order.placed:v1',
      mode: 'in-transaction',
      seen: [{ event: placed, context }],
    })
  })

  test('when the data breaks the contract, then ContractViolation is thrown and fn is not called', async () => {
    const { handler, seen } = recordingHandler()
    const broken = { ...placed, data: { ...fixture, items: [] } }

    const error = await handler.run(broken, context).catch((e: unknown) => e)

    expect({ violation: error instanceof ContractViolation, seen }).toEqual({ violation: true, seen: [] })
  })
})
