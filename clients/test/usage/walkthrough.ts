// The README's checkout walkthrough through the published @commerce/client, as a front-end project would write it.
// The e2e test copies this file into a temporary project that installed the packed tarball, type-checks it with tsc
// and runs it against the gateway. Only the package is imported: nothing here may reach into the monorepo.
import { ApiError, allPages, createClient, type ErrorCode, result, unwrap, waitFor } from '@commerce/client'

const baseUrl = process.env['GATEWAY_URL'] ?? 'http://127.0.0.1:8080'
const admin = { email: process.env['ADMIN_EMAIL'] ?? '', password: process.env['ADMIN_PASSWORD'] ?? '' }
const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`
const step = (what: string) => console.log(`step: ${what}`)

// The shop side: an admin puts a product on sale and stocks it.
const shop = createClient({ baseUrl })
await shop.session.login(admin)
const product = await unwrap(shop.api.products.post({ name: `client walkthrough ${stamp}`, price: 12_000 }))
await unwrap(shop.api.products({ id: product.id }).status.patch({ status: 'ACTIVE' }))
const skuId = product.skus[0]?.id ?? 0
await waitFor(
  async () => {
    const stock = await result(shop.api.inventories({ skuId }).get())
    return stock.ok ? true : undefined
  },
  { what: 'inventory knows the SKU' },
)
await unwrap(shop.api.inventories({ skuId }).adjust.post({ delta: 5, reason: 'client walkthrough' }))
step('product on sale')

// 1. Register and log in.
const client = createClient({ baseUrl })
const email = `walker-${stamp}@client.example.com`
const member = await unwrap(client.api.users.register.post({ email, password: 'walk-pass-1234', name: 'Walker' }))
await client.session.login({ email, password: 'walk-pass-1234' })
step(`registered member ${member.id}`)

// A refusal is a typed result: the envelope's code is one of the codes the services answer with.
const wrong = await result(client.api.orders({ id: 999_999_999 }).get())
const notFound: ErrorCode | undefined = wrong.ok ? undefined : (wrong.error.code as ErrorCode)
if (wrong.ok || wrong.status !== 404) throw new Error(`someone else's order should be a 404, got ${wrong.status}`)
step(`a missing order is ${wrong.status} ${notFound}`)

// 2. Browse: page through the products matching a keyword (paging helper), then read the one to buy.
const listed = await waitFor(
  async () => {
    const ids: number[] = []
    const search = (page: { page: number; size: number }) =>
      client.api.products.get({ query: { ...page, sort: 'LATEST', keyword: stamp } })
    for await (const item of allPages(search, { size: 20 })) ids.push(item.id)
    return ids.includes(product.id) ? ids : undefined
  },
  { what: 'the product is listed' },
)
if (listed.length !== 1) throw new Error(`one product matches ${stamp}, listed ${listed.join(', ')}`)
const detail = await unwrap(client.api.products({ id: product.id }).get())
const sku = detail.skus.find((s) => s.id === skuId)
if (!sku?.available) throw new Error(`SKU ${skuId} should be on sale`)
step(`browsed: ${detail.name} at ${sku.sellingPrice}`)

// 3. Cart and checkout. The client adds an Idempotency-Key to creating calls; give your own to retry safely:
//    the same key gives back the same order.
await unwrap(client.api.carts.me.items.post({ skuId, quantity: 2 }))
const shippingAddress = {
  recipient: 'Kim Minsu',
  phone: '010-1234-5678',
  zipCode: '06236',
  address: '서울특별시 강남구 테헤란로 1',
  addressDetail: '101호',
}
const checkoutKey = `checkout-${stamp}`
const checkout = () =>
  unwrap(client.api.carts.me.checkout.post({ shippingAddress }, { headers: { 'idempotency-key': checkoutKey } }))
const placed = await checkout()
const retried = await checkout()
if (retried.orderId !== placed.orderId) throw new Error(`a retried checkout made order ${retried.orderId}`)
step(`order ${placed.orderId} ${placed.orderNo} placed (a retry with the same key gave it back)`)

// 4. Wait for PAYMENT_PENDING, then confirm the payment (the sandbox approves any paymentKey).
const orderStatus = async () => (await unwrap(client.api.orders({ id: placed.orderId }).get())).status
await waitFor(async () => ((await orderStatus()) === 'PAYMENT_PENDING' ? true : undefined), { what: 'PAYMENT_PENDING' })
const payment = await unwrap(client.api.payments.orders({ orderId: placed.orderId }).get())
const paid = await unwrap(
  client.api.payments.confirm.post({
    orderId: placed.orderId,
    paymentKey: `pk_client_${stamp}`,
    amount: payment.amount,
  }),
)
step(`payment ${paid.paymentId} ${paid.status}`)

// 5. CONFIRMED, then refund everything.
await waitFor(async () => ((await orderStatus()) === 'CONFIRMED' ? true : undefined), { what: 'CONFIRMED' })
const refund = await unwrap(client.api.orders({ id: placed.orderId }).refund.post({}))
step(`refund of ${refund.refundAmount} asked`)
await waitFor(async () => ((await orderStatus()) === 'REFUNDED' ? true : undefined), { what: 'REFUNDED' })

// The session rotates its token pair (it does so by itself on 401 COMMON-401-002, once per call).
const before = client.session.tokens?.refreshToken
if (!(await client.session.refresh()) || client.session.tokens?.refreshToken === before) throw new Error('no refresh')
await unwrap(client.api.orders({ id: placed.orderId }).get())
step('token pair rotated')

// The session refreshes an expired access token once and retries; a bad token pair gives up with the 401.
client.session.use({ accessToken: 'not-a-token', refreshToken: 'not-a-refresh-token', expiresIn: 1 })
try {
  await unwrap(client.api.orders({ id: placed.orderId }).get())
  throw new Error('a bad token should be refused')
} catch (error) {
  if (!(error instanceof ApiError) || error.status !== 401) throw error
}
console.log('walkthrough: done')
