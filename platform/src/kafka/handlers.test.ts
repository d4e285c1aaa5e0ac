import { describe, expect, test } from 'bun:test'
import type { CloudEvent } from '@commerce/contracts'
import { OrderPlacedV1 } from '@commerce/contracts/order'
import fixture from '../../../contracts/fixtures/order.placed.v1.json'
import { createLogger } from '../log/index'
import { createKafka } from './client'
import { startConsumer } from './consumer'
import { handle } from './handle'
import { handlerFor, indexHandlers } from './handlers'

const meta = { now: new Date('2024-05-01T12:00:00.000Z'), correlationId: 'corr-1', causationId: 'cause-1' }
const v1 = OrderPlacedV1.create(fixture, meta).event as CloudEvent<unknown>
const onPlaced = handle(OrderPlacedV1, async () => {})

describe('handlerFor', () => {
  test('when an event comes in the handled version, another version or an unknown type, then it finds the handler or says why not', () => {
    const index = indexHandlers([onPlaced])
    const v2 = { ...v1, dataschema: 'urn:commerce:schema:order.placed:v2' }
    const other = { ...v1, type: 'order.archived' }

    expect([handlerFor(index, v1), handlerFor(index, v2), handlerFor(index, other)]).toEqual([
      onPlaced,
      'unknown-version',
      'unknown-type',
    ])
  })
})

describe('startConsumer', () => {
  test('when two handlers are registered for one type and version, then it throws before touching Kafka', async () => {
    // Port 1: nothing listens there, so reaching the broker would fail differently.
    const kafka = createKafka({ brokers: '127.0.0.1:1', clientId: 'unit' })
    const twice = [onPlaced, handle(OrderPlacedV1, async () => {})]

    const error = await startConsumer({
      kafka,
      groupId: 'unit',
      topics: ['commerce.order.events'],
      handlers: twice,
      db: {} as never,
      logger: createLogger({}, 'error'),
    }).catch((e: unknown) => e)

    expect(error instanceof Error ? error.message : error).toBe(
      'two handlers for order.placed at urn:commerce:schema:order.placed:v1: register one per type and version',
    )
  })
})
