import { describe, expect, test } from 'bun:test'
import { type CloudEvent, ContractViolation, type EventMeta, parseEnvelope } from '../src/index'
import { OrderPlacedV1 } from '../src/order'
import { PaymentFailedV1 } from '../src/payment'
import { eachEvent, loadFixture, thrown } from './support'

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const meta: EventMeta = {
  now: new Date('2026-03-01T09:30:00.000Z'),
  correlationId: '1042',
  causationId: '0195f1a2-7c3e-7d10-9a4b-3c2d1e0f9a8b',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
}
const placed: OrderPlacedV1['data'] = {
  orderId: 1042,
  userId: 17,
  payableAmount: 58000,
  items: [{ skuId: 301, quantity: 2, unitPrice: 29000 }],
}

// Which data field each event is keyed and named by (SPEC §5: key = aggregate id; one order's events in order).
function expectedRouting(type: string, data: Record<string, unknown>): { key: string; subject: string } {
  const id = (field: string) => String(data[field])
  if (type === 'stock.depleted' || type === 'stock.restored') return { key: id('skuId'), subject: `sku/${id('skuId')}` }
  if (type === 'product.changed') return { key: id('productId'), subject: `product/${id('productId')}` }
  if (type.startsWith('product.')) return { key: id('productId'), subject: `sku/${id('skuId')}` }
  if (type.startsWith('user.')) return { key: id('userId'), subject: `user/${id('userId')}` }
  if (type.startsWith('payment.')) return { key: id('orderId'), subject: `payment/${id('paymentId')}` }
  return { key: id('orderId'), subject: `order/${id('orderId')}` }
}

function validEnvelope(): Record<string, unknown> {
  return { ...OrderPlacedV1.create(placed, meta).event }
}

describe('create', () => {
  test('when an event is created, then the outbox entry carries routing, a v7 id and the meta attributes', () => {
    const outgoing = OrderPlacedV1.create(placed, meta)
    expect(outgoing).toEqual({
      topic: 'commerce.order.events',
      key: '1042',
      aggregateType: 'order',
      event: {
        specversion: '1.0',
        id: expect.stringMatching(uuidV7),
        source: '/commerce/order',
        type: 'order.placed',
        subject: 'order/1042',
        time: '2026-03-01T09:30:00.000Z',
        datacontenttype: 'application/json',
        dataschema: 'urn:commerce:schema:order.placed:v1',
        correlationid: '1042',
        causationid: '0195f1a2-7c3e-7d10-9a4b-3c2d1e0f9a8b',
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        data: placed,
      },
    })
  })

  test('when the meta has no traceparent, then the envelope has no traceparent attribute', () => {
    const { traceparent: _, ...withoutTrace } = meta
    expect('traceparent' in OrderPlacedV1.create(placed, withoutTrace).event).toBe(false)
  })

  test('when two events are created, then their ids differ and sort in creation order', () => {
    const first = OrderPlacedV1.create(placed, meta).event.id
    const second = OrderPlacedV1.create(placed, meta).event.id
    expect(first < second).toBe(true)
  })

  test('when the data breaks the contract, then create throws before anything reaches the outbox', () => {
    const error = thrown(() =>
      OrderPlacedV1.create({ ...placed, items: [{ skuId: 301, quantity: 0, unitPrice: 1 }] }, meta),
    )
    expect(error).toBeInstanceOf(ContractViolation)
    expect(error).toMatchObject({ eventType: 'order.placed', path: '/items/0/quantity' })
  })

  test.each(eachEvent)(
    '%s: the created envelope survives JSON, passes parseEnvelope and parse, and is keyed by its aggregate',
    async (_, def) => {
      const data = (await loadFixture(def)) as Record<string, unknown>
      const outgoing = def.create(data, meta)
      const onTheWire: CloudEvent = parseEnvelope(JSON.parse(JSON.stringify(outgoing.event)))

      expect({ key: outgoing.key, subject: onTheWire.subject, data: def.parse(onTheWire.data) }).toEqual({
        ...expectedRouting(def.type, data),
        data,
      })
      expect(outgoing.topic).toBe(def.topic)
    },
  )
})

describe('parseEnvelope', () => {
  test.each([
    ['id', '/id'],
    ['specversion', '/specversion'],
    ['correlationid', '/correlationid'],
    ['causationid', '/causationid'],
    ['dataschema', '/dataschema'],
    ['data', '/data'],
  ])('when %s is missing, then ContractViolation points at %s', (attribute, path) => {
    const { [attribute]: _, ...envelope } = validEnvelope()
    expect(thrown(() => parseEnvelope(envelope))).toMatchObject({
      name: 'ContractViolation',
      eventType: 'order.placed',
      path,
    })
  })

  test.each([
    ['specversion', '0.3', '/specversion'],
    ['id', 1042, '/id'],
    ['correlationid', 1042, '/correlationid'],
    ['time', '01/03/2026 09:30', '/time'],
    ['datacontenttype', 'text/plain', '/datacontenttype'],
  ])('when %s is %p, then ContractViolation points at %s', (attribute, value, path) => {
    expect(thrown(() => parseEnvelope({ ...validEnvelope(), [attribute]: value }))).toMatchObject({ path })
  })

  test.each([
    ['not an object', 'garbage'],
    ['a number as type', { ...validEnvelope(), type: 7 }],
  ])('when the type cannot be read (%s), then the violation names the type "unknown"', (_, value) => {
    expect(thrown(() => parseEnvelope(value))).toMatchObject({ eventType: 'unknown' })
  })

  test('when the envelope has extension attributes it does not know, then it is accepted unchanged', () => {
    const envelope = { ...validEnvelope(), partitionkey: '1042', tenant: 'kr' }
    expect(parseEnvelope(envelope)).toBe(envelope as unknown as CloudEvent)
  })
})

describe('parse', () => {
  test('when a SKU id arrives as a string (original bug §12.4), then parse rejects it at its path', () => {
    const data = { ...placed, items: [{ skuId: 'TOPS-20260301-3F2A-M', quantity: 1, unitPrice: 29000 }] }
    const error = thrown(() => OrderPlacedV1.parse(data))
    expect(error).toBeInstanceOf(ContractViolation)
    expect(error).toMatchObject({ name: 'ContractViolation', eventType: 'order.placed', path: '/items/0/skuId' })
    expect((error as Error).message).toContain('order.placed breaks its contract at /items/0/skuId')
  })

  test('when payment.failed carries gateway free text as reason (original bug §12.10), then it is rejected', async () => {
    const data = { ...((await loadFixture(PaymentFailedV1)) as object), reason: '카드 한도 초과' }
    expect(thrown(() => PaymentFailedV1.parse(data))).toMatchObject({ eventType: 'payment.failed', path: '/reason' })
  })

  test('when a required field is missing, then the path names the field', () => {
    const { userId: _, ...data } = placed
    expect(thrown(() => OrderPlacedV1.parse(data))).toMatchObject({ path: '/userId' })
  })

  test('when the data is not an object at all, then the path is the root', () => {
    expect(thrown(() => OrderPlacedV1.parse(null))).toMatchObject({
      path: '',
      message: expect.stringContaining('(root)'),
    })
  })

  test('when a number arrives as a numeric string, then parse rejects it instead of converting it', () => {
    expect(thrown(() => OrderPlacedV1.parse({ ...placed, orderId: '1042' }))).toMatchObject({ path: '/orderId' })
  })

  test('when the data has fields the consumer does not know, then parse keeps them and returns the same value', () => {
    const data: unknown = {
      ...placed,
      couponCode: 'SPRING',
      items: [{ skuId: 301, quantity: 1, unitPrice: 1, gift: true }],
    }
    expect<unknown>(OrderPlacedV1.parse(data)).toBe(data)
  })
})
