import { EmptyEnvelope, Envelope, IdParam, idempotency, jwtAuth, ok } from '@commerce/platform/http'
import { Elysia } from 'elysia'
import { CartErrors } from '../domain/errors'
import {
  addCartItem,
  cartIdOf,
  cartLines,
  clearCart,
  removeCartItem,
  setCartItemQuantity,
  takeCheckedOutLines,
  viewCart,
} from '../use-cases/carts'
import { draftOrder } from '../use-cases/draft-order'
import { placeOrder } from '../use-cases/place-order'
import type { OrderRouteDeps } from './route-deps'
import { CartItemBody, CartItemView, CartQuantityBody, CartView, CheckoutBody, PlacedOrderView } from './schemas'

/** The caller's cart (original §6.1): one per member, lines merged by SKU, checkout into an order. */
export const cartRoutes = (deps: OrderRouteDeps) =>
  new Elysia({ prefix: '/api/carts/me', detail: { tags: ['carts'] } })
    .use(jwtAuth(deps.auth))
    .use(idempotency({ db: deps.db }))
    .get('/', async ({ user }) => ok(await deps.db.transaction((tx) => viewCart(tx, user.userId))), {
      auth: true,
      response: Envelope(CartView),
    })
    .post(
      '/items',
      ({ user, body, meta, status, idempotently }) =>
        idempotently(async (tx) => status(201, ok(await addCartItem(tx, { userId: user.userId, ...body }, meta.now)))),
      { auth: true, idempotent: true, body: CartItemBody, response: { 201: Envelope(CartItemView) } },
    )
    .patch(
      '/items/:id',
      async ({ user, params, body, meta }) => {
        const input = { userId: user.userId, cartItemId: params.id, quantity: body.quantity }
        return ok(await deps.db.transaction((tx) => setCartItemQuantity(tx, input, meta.now)))
      },
      { auth: true, params: IdParam, body: CartQuantityBody, response: Envelope(CartItemView) },
    )
    .delete(
      '/items/:id',
      async ({ user, params }) => {
        await deps.db.transaction((tx) => removeCartItem(tx, { userId: user.userId, cartItemId: params.id }))
        return ok()
      },
      { auth: true, params: IdParam, response: EmptyEnvelope },
    )
    .delete(
      '/items',
      async ({ user }) => {
        await deps.db.transaction((tx) => clearCart(tx, user.userId))
        return ok()
      },
      { auth: true, response: EmptyEnvelope },
    )
    .post(
      '/checkout',
      async ({ user, body, meta, status, idempotently, alreadyAnswered }) => {
        // A retry of a checkout already done finds the cart empty: answer it from its key record instead.
        const replay = await alreadyAnswered()
        if (replay) return replay
        const lines = await deps.db.transaction(async (tx) => {
          const cartId = await cartIdOf(tx, user.userId)
          return cartId === undefined ? [] : cartLines(tx, cartId)
        })
        if (lines.length === 0) throw CartErrors.invalidRequest('The cart is empty')
        const items = lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity }))
        const draft = await draftOrder(
          deps.remote,
          { userId: user.userId, items, shipping: body, policy: deps.shipping },
          meta,
        )
        const taken = lines.map((l) => ({ cartItemId: l.id, skuId: l.skuId, quantity: l.quantity }))
        return idempotently(async (tx) => {
          await takeCheckedOutLines(tx, { userId: user.userId, lines: taken })
          return status(201, ok(await placeOrder(tx, draft, meta)))
        })
      },
      { auth: true, idempotent: true, body: CheckoutBody, response: { 201: Envelope(PlacedOrderView) } },
    )
