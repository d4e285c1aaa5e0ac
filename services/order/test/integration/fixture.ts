import { afterAll, beforeAll } from 'bun:test'
import { committedOffsets, createKafka } from '@commerce/platform/kafka'
import { call, freshName, positionGroupAtEnd, spawnEnv, startTestService, tokenFor } from '@commerce/platform/testing'
import { orderService } from '../../src/app'
import { loadOrderConfig } from '../../src/config'
import { orderTopics } from '../../src/consumers'

export { call, type Reply } from '@commerce/platform/testing'

// The stack's own services (npm run up): auth mints tokens, catalog prices SKUs, user keeps addresses.
export const stack = {
  auth: 'http://127.0.0.1:8089',
  user: 'http://127.0.0.1:8081',
  catalog: 'http://127.0.0.1:8084',
} as const

export type Order = Awaited<ReturnType<typeof startOrder>>

/**
 * Order in-process on the real stack. With `consumers: false` it serves HTTP only, so an order's saga events (the
 * stack's inventory answers every order.placed) do not move the orders an HTTP test is looking at.
 */
export async function startOrder(options: { consumers: boolean; env?: Record<string, string> }) {
  const config = loadOrderConfig({
    ...spawnEnv('order'),
    AUTH_JWKS_URL: `${stack.auth}/.well-known/jwks.json`,
    SEED_DEMO_DATA: 'false',
    ...options.env,
  })
  const definition = orderService(config)
  if (!options.consumers) return startTestService({ ...definition, consumers: () => [] })
  // A group that never ran would first read every saga event ever published (other suites' fakes): start at the end.
  const probe = createKafka({ brokers: config.KAFKA_BROKERS, clientId: freshName('order-probe') })
  const committed = await committedOffsets(probe, 'order', orderTopics)
  if (committed.every((o) => o.offset < 0n)) await positionGroupAtEnd(probe, 'order', orderTopics)
  return startTestService(definition)
}

/** The user id a token was issued to (its `sub`). */
export const userIdOf = (token: string): number =>
  Number(JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()).sub)

/** A fresh member's access token (a credential at the stack's auth; not a member at user). */
export const memberToken = () => tokenFor(stack.auth, ['USER'])

/** An ACTIVE catalog product made for this test run: two SKUs (price, price + 1 000), and a DRAFT one's SKU. */
export async function testProducts(admin: string, price: number) {
  const body = {
    name: freshName('order-test-product'),
    price,
    optionGroups: [
      {
        name: 'size',
        options: [
          { name: 'S', additionalPrice: 0 },
          { name: 'L', additionalPrice: 1_000 },
        ],
      },
    ],
  }
  const created = await call(`${stack.catalog}/api/products`, { method: 'POST', token: admin, body })
  if (created.status !== 201) throw new Error(`product: ${created.status} ${JSON.stringify(created.body)}`)
  const product = created.body.data as { id: number; skus: { id: number; price: number }[] }
  const activated = await call(`${stack.catalog}/api/products/${product.id}/status`, {
    method: 'PATCH',
    token: admin,
    body: { status: 'ACTIVE' },
  })
  if (activated.status !== 200) throw new Error(`activate: ${activated.status} ${JSON.stringify(activated.body)}`)
  const draft = await call(`${stack.catalog}/api/products`, {
    method: 'POST',
    token: admin,
    body: { name: freshName('order-test-draft'), price },
  })
  const [small, large] = product.skus
  const [inactive] = (draft.body.data as { skus: { id: number }[] }).skus
  if (!small || !large || !inactive) throw new Error('catalog made fewer SKUs than asked for')
  return { productId: product.id, small, large, inactive }
}

export const address = {
  recipient: '홍길동',
  phone: '010-1234-5678',
  zipCode: '06236',
  address: '서울특별시 강남구 테헤란로 1',
  addressDetail: '101호',
}

/** For one HTTP test file: order without consumers, an admin token, a member token and this run's products. */
export function orderOverHttp(price = 10_000) {
  const ctx = {} as {
    order: Order
    url: string
    admin: string
    member: string
    other: string
    skus: Awaited<ReturnType<typeof testProducts>>
  }
  beforeAll(async () => {
    ctx.order = await startOrder({ consumers: false })
    ctx.url = ctx.order.url
    ;[ctx.admin, ctx.member, ctx.other] = await Promise.all([
      tokenFor(stack.auth, ['USER', 'ADMIN']),
      memberToken(),
      memberToken(),
    ])
    ctx.skus = await testProducts(ctx.admin, price)
  })
  afterAll(async () => {
    await ctx.order?.stop()
  })
  return ctx
}
