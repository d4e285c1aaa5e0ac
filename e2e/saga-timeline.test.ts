import { describe, expect, test } from 'bun:test'
import { createHttpApp } from '@commerce/platform/http'
import { createKafka, produce } from '@commerce/platform/kafka'
import { createLogger } from '@commerce/platform/log'
import { type SagaEntry, type SagaSettings, type SagaTimeline, sagaRoutes } from '@commerce/platform/ops/saga'
import { adminActor, registerBuyer } from './src/actors'
import { type Actor, call, codeOf, dataOf, type Reply, waitFor } from './src/client'
import { e2eConfig } from './src/config'
import { orderReaches, type PlacedOrder, shippingAddress } from './src/orders'
import { confirmPayment, paymentKey, paymentReaches } from './src/payments'
import { skuAt, stockedShelf } from './src/saga'

const { urls } = e2eConfig
const logger = createLogger({ test: 'saga-timeline' }, 'warn')
const kafka = createKafka({ brokers: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092', clientId: 'e2e-saga', logger })
const settings: SagaSettings = {
  services: (['order', 'inventory', 'payment', 'catalog', 'user', 'auth'] as const).map((name) => ({
    name,
    baseUrl: urls[name],
  })),
  serviceTimeoutMs: 3_000,
  dlq: { perPartition: 2_000, timeoutMs: 10_000 },
}
// The ops server's mount of the plugin, in process: the platform's HTTP kit, then the saga routes.
const ops = createHttpApp({ name: 'ops-test', version: '0.0.0', logger }).use(
  sagaRoutes({
    auth: {
      jwksUrl: `${urls.auth}/.well-known/jwks.json`,
      issuer: process.env['AUTH_JWT_ISSUER'] ?? 'commerce-auth',
      audience: process.env['AUTH_JWT_AUDIENCE'] ?? 'commerce',
    },
    kafka,
    logger,
    saga: settings,
  }),
)

async function askTimeline(orderId: number | string, actor?: Actor): Promise<Reply> {
  const headers: Record<string, string> = actor ? { authorization: `Bearer ${actor.token}` } : {}
  const response = await ops.handle(new Request(`http://localhost/api/ops/sagas/${orderId}`, { headers }))
  return { status: response.status, body: await response.json() }
}

/** Places the order through the gateway (the front door), pays it and waits until it is CONFIRMED. */
async function confirmedOrder(admin: Actor, buyer: Actor): Promise<PlacedOrder> {
  const shelf = await stockedShelf(admin, [5])
  const placed = await call(`${urls.gateway}/api/orders`, {
    method: 'POST',
    body: { items: [{ skuId: skuAt(shelf, 0), quantity: 1 }], shippingAddress },
    token: buyer.token,
    key: crypto.randomUUID(),
  })
  const order = dataOf<PlacedOrder>(placed, 201, 'place an order through the gateway')
  const ready = await paymentReaches(buyer, order.orderId, ['READY'])
  const body = { orderId: order.orderId, paymentKey: paymentKey('approve'), amount: ready.amount }
  dataOf(await confirmPayment(buyer, body), 200, 'confirm the payment')
  await orderReaches(buyer, order.orderId, ['CONFIRMED'])
  return order
}

const published = (timeline: SagaTimeline) => timeline.entries.filter((e) => e.kind === 'event')
const firstOf = (entries: SagaEntry[], type: string) => entries.find((e) => e.kind === 'event' && e.type === type)

/** The timeline once the stock confirmation (the saga's last hop) has been consumed by catalog too. */
async function settledTimeline(orderId: number, admin: Actor): Promise<SagaTimeline> {
  return waitFor(async () => {
    const reply = await askTimeline(orderId, admin)
    const timeline = dataOf<SagaTimeline>(reply, 200, 'saga timeline')
    const confirmed = firstOf(timeline.entries, 'stock.confirmed')
    const taken = timeline.entries.some((e) => e.kind === 'consumed' && e.id === confirmed?.id)
    return confirmed && taken ? timeline : undefined
  }, `the saga of order ${orderId} is complete in its timeline`)
}

describe('issue 13 §3: the saga timeline', () => {
  test('when a checkout is confirmed, then its timeline lists every saga event in causal order with the consumers that took each, next to the state transitions', async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const order = await confirmedOrder(admin, buyer)

    const timeline = await settledTimeline(order.orderId, admin)

    const saga = [
      'order.placed',
      'stock.reserved',
      'payment.created',
      'payment.completed',
      'order.confirmed',
      'stock.confirmed',
    ]
    const events = published(timeline)
    const positions = saga.map((type) => timeline.entries.findIndex((e) => e.kind === 'event' && e.type === type))
    // Every event comes after the one that caused it (when the cause is an event of this saga).
    const ids = new Map(timeline.entries.map((e, i) => [e.kind === 'event' ? e.id : undefined, i]))
    const beforeItsCause = events.filter((e) => (ids.get(e.causationId) ?? -1) > (ids.get(e.id) ?? -1))
    const takersOf = (type: string) =>
      timeline.entries
        .filter((e) => e.kind === 'consumed' && e.id === firstOf(timeline.entries, type)?.id)
        .map((e) => e.consumer)
        .sort()
    const statesOf = (service: string) =>
      timeline.states.find((s) => s.service === service)?.transitions.map((t) => t.to) ?? []
    const orderPath = timeline.states
      .find((s) => s.service === 'order')
      ?.transitions.filter((t) => t.from !== t.to)
      .map((t) => t.to)

    expect({
      sagaInOrder: positions.every((p, i) => p >= 0 && (i === 0 || p > (positions[i - 1] ?? -1))),
      beforeItsCause,
      producers: saga.map((type) => firstOf(timeline.entries, type)?.service),
      takers: {
        placed: takersOf('order.placed'),
        reserved: takersOf('stock.reserved'),
        completed: takersOf('payment.completed'),
        confirmed: takersOf('order.confirmed'),
      },
      orderPath,
      correlated: events.every((e) => e.id && e.detail),
      available: timeline.states.map((s) => [s.service, s.available]),
      inventoryStates: statesOf('inventory'),
      paymentStates: statesOf('payment'),
    }).toEqual({
      sagaInOrder: true,
      beforeItsCause: [],
      producers: ['order', 'inventory', 'payment', 'payment', 'order', 'inventory'],
      takers: {
        placed: expect.arrayContaining(['inventory', 'payment']),
        reserved: expect.arrayContaining(['order', 'payment']),
        completed: expect.arrayContaining(['order']),
        confirmed: expect.arrayContaining(['inventory']),
      },
      orderPath: ['CREATED', 'PAYMENT_PENDING', 'PAID', 'CONFIRMED'],
      correlated: true,
      available: [
        ['order', true],
        ['inventory', true],
        ['payment', true],
        ['catalog', true],
        ['user', true],
        ['auth', true],
      ],
      inventoryStates: expect.arrayContaining(['RESERVE', 'CONFIRM', 'CONFIRMED']),
      paymentStates: expect.arrayContaining(['READY', 'APPROVED', 'SUCCESS']),
    })
    expect(timeline.notes.some((n) => n.startsWith('Outbox rows are pruned after'))).toBe(true)
  })

  test('when an event of the saga is dead-lettered, then the timeline shows it as a DLQ entry with its reason and consumer', async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const order = await confirmedOrder(admin, buyer)
    // A broken order.placed (its data breaks the contract) about this order: its consumers dead-letter it.
    const bad = {
      specversion: '1.0',
      id: Bun.randomUUIDv7(),
      source: '/services/order',
      type: 'order.placed',
      subject: `order/${order.orderId}`,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      dataschema: 'urn:commerce:schema:order.placed:v1',
      correlationid: String(order.orderId),
      causationid: crypto.randomUUID(),
      data: { broken: true },
    }
    await produce(kafka, 'commerce.order.events', [
      { key: String(order.orderId), value: JSON.stringify(bad), headers: { id: bad.id, ce_type: bad.type } },
    ])

    const letter = await waitFor(async () => {
      const timeline = dataOf<SagaTimeline>(await askTimeline(order.orderId, admin), 200, 'saga timeline')
      return timeline.entries.find((e) => e.kind === 'dead-letter' && e.id === bad.id)
    }, `the dead letter of order ${order.orderId} shows in its timeline`)

    expect({
      kind: letter.kind,
      type: letter.type,
      outcome: letter.outcome,
      consumer: ['inventory', 'payment', 'catalog'].includes(letter.consumer ?? ''),
      from: letter.detail?.startsWith('from commerce.order.events['),
    }).toEqual({ kind: 'dead-letter', type: 'order.placed', outcome: 'contract-violation', consumer: true, from: true })
  })

  test('when the caller is not an admin or not logged in, then the timeline is refused with the envelope', async () => {
    const buyer = await registerBuyer()

    const [asBuyer, anonymous] = await Promise.all([askTimeline(1, buyer), askTimeline(1)])

    expect([
      [asBuyer.status, codeOf(asBuyer)],
      [anonymous.status, codeOf(anonymous)],
    ]).toEqual([
      [403, 'COMMON-403'],
      [401, 'COMMON-401-001'],
    ])
  })

  test('when no service knows the order, then the answer is 404 COMMON-404', async () => {
    const admin = await adminActor()

    const reply = await askTimeline('999999999999', admin)

    expect([reply.status, codeOf(reply), reply.body.success]).toEqual([404, 'COMMON-404', false])
  })

  test('when `npm run saga -- <orderId> --json` runs, then it prints the same timeline; without --json a readable one', async () => {
    const [admin, buyer] = await Promise.all([adminActor(), registerBuyer()])
    const order = await confirmedOrder(admin, buyer)
    await settledTimeline(order.orderId, admin)
    const cli = `${import.meta.dir}/../platform/src/ops/saga/cli.ts`

    const json = Bun.spawnSync(['bun', cli, String(order.orderId), '--json'], { stdout: 'pipe', stderr: 'pipe' })
    const text = Bun.spawnSync(['bun', cli, String(order.orderId)], { stdout: 'pipe', stderr: 'pipe' })

    const parsed = JSON.parse(json.stdout.toString()) as SagaTimeline
    expect({
      exit: [json.exitCode, text.exitCode],
      orderId: parsed.orderId,
      types: [...new Set(published(parsed).map((e) => e.type))].slice(0, 2),
      readable: text.stdout.toString().startsWith(`Saga of order ${order.orderId} (as of `),
      lines: text.stdout.toString().includes('published    order.confirmed'),
    }).toEqual({
      exit: [0, 0],
      orderId: String(order.orderId),
      types: ['order.placed', expect.any(String)],
      readable: true,
      lines: true,
    })
  })
})
