import { and, asc, eq } from 'drizzle-orm'
import type { OrderTx } from '../db'
import { cartItems, carts } from '../db/schema'
import { CartErrors } from '../domain/errors'
import { orderLimits } from '../domain/order-lines'

type CartItemRow = typeof cartItems.$inferSelect

/** A cart line as the API shows it. */
export const cartItemView = (row: CartItemRow) => ({ cartItemId: row.id, skuId: row.skuId, quantity: row.quantity })

/** The member's cart id, or undefined before the first item. */
export async function cartIdOf(tx: OrderTx, userId: number): Promise<number | undefined> {
  const [row] = await tx.select({ id: carts.id }).from(carts).where(eq(carts.userId, userId))
  return row?.id
}

/** The cart's lines, oldest first. */
export const cartLines = (tx: OrderTx, cartId: number) =>
  tx.select().from(cartItems).where(eq(cartItems.cartId, cartId)).orderBy(asc(cartItems.id))

/** `GET /api/carts/me`: cartId 0 while the member has none (original §6.1). */
export async function viewCart(tx: OrderTx, userId: number) {
  const cartId = await cartIdOf(tx, userId)
  if (cartId === undefined) return { cartId: 0, items: [] }
  return { cartId, items: (await cartLines(tx, cartId)).map(cartItemView) }
}

const tooMany = (quantity: number) =>
  CartErrors.invalidQuantity([
    { field: 'quantity', value: quantity, reason: `At most ${orderLimits.maxQuantity} units of one SKU` },
  ])

/**
 * Adds units of a SKU (one cart per member, made on the first item; the same SKU adds to its line, original §6.1).
 * A line past the unit limit → CART-400-002; past the line limit → CART-400-001.
 */
export async function addCartItem(tx: OrderTx, input: { userId: number; skuId: number; quantity: number }, now: Date) {
  // Upsert: two first items at once make one cart.
  await tx
    .insert(carts)
    .values({ userId: input.userId, createdAt: now, updatedAt: now })
    .onDuplicateKeyUpdate({ set: { updatedAt: now } })
  const [cart] = await tx.select({ id: carts.id }).from(carts).where(eq(carts.userId, input.userId)).for('update')
  if (!cart) throw new Error('cart upsert found no cart')
  const lines = await cartLines(tx, cart.id)
  const existing = lines.find((l) => l.skuId === input.skuId)
  if (existing) {
    const quantity = existing.quantity + input.quantity
    if (quantity > orderLimits.maxQuantity) throw tooMany(quantity)
    await tx.update(cartItems).set({ quantity, updatedAt: now }).where(eq(cartItems.id, existing.id))
    return { cartItemId: existing.id, skuId: input.skuId, quantity }
  }
  if (lines.length >= orderLimits.maxLines) {
    throw CartErrors.invalidRequest(`A cart holds at most ${orderLimits.maxLines} SKUs`)
  }
  const [inserted] = await tx.insert(cartItems).values({ cartId: cart.id, ...input, createdAt: now, updatedAt: now })
  return { cartItemId: inserted.insertId, skuId: input.skuId, quantity: input.quantity }
}

async function ownLine(tx: OrderTx, at: { userId: number; cartItemId: number }) {
  const [row] = await tx
    .select({ item: cartItems })
    .from(cartItems)
    .innerJoin(carts, eq(carts.id, cartItems.cartId))
    .where(and(eq(cartItems.id, at.cartItemId), eq(carts.userId, at.userId)))
    .for('update')
  if (!row) throw CartErrors.itemNotFound()
  return row.item
}

/** Sets a line's quantity; someone else's line → CART-404-002. */
export async function setCartItemQuantity(
  tx: OrderTx,
  input: { userId: number; cartItemId: number; quantity: number },
  now: Date,
) {
  const line = await ownLine(tx, input)
  await tx.update(cartItems).set({ quantity: input.quantity, updatedAt: now }).where(eq(cartItems.id, line.id))
  return { cartItemId: line.id, skuId: line.skuId, quantity: input.quantity }
}

/** Removes a line; someone else's line → CART-404-002. */
export async function removeCartItem(tx: OrderTx, input: { userId: number; cartItemId: number }) {
  const line = await ownLine(tx, input)
  await tx.delete(cartItems).where(eq(cartItems.id, line.id))
}

/** Empties the cart; no cart yet → CART-404-001 (original §6.1). */
export async function clearCart(tx: OrderTx, userId: number) {
  const cartId = await cartIdOf(tx, userId)
  if (cartId === undefined) throw CartErrors.cartNotFound()
  await tx.delete(cartItems).where(eq(cartItems.cartId, cartId))
}

/**
 * Checkout's half inside the order's transaction: removes exactly the lines that were priced. A cart changed since
 * (a line added, removed or re-counted) → CART-409-002 and the order is not placed.
 */
export async function takeCheckedOutLines(
  tx: OrderTx,
  input: { userId: number; lines: { cartItemId: number; skuId: number; quantity: number }[] },
) {
  const cartId = await cartIdOf(tx, input.userId)
  if (cartId === undefined) throw CartErrors.changedDuringCheckout()
  const now = await tx.select().from(cartItems).where(eq(cartItems.cartId, cartId)).for('update')
  const same =
    now.length === input.lines.length &&
    input.lines.every((l) => now.some((r) => r.id === l.cartItemId && r.skuId === l.skuId && r.quantity === l.quantity))
  if (!same) throw CartErrors.changedDuringCheckout()
  await tx.delete(cartItems).where(eq(cartItems.cartId, cartId))
}
