import { Id, NonEmptyText } from '@commerce/platform/http'
import { t } from 'elysia'
import { orderLimits } from '../domain/order-lines'

const Quantity = t.Integer({ minimum: 1, maximum: orderLimits.maxQuantity })

export const ShippingAddressBody = t.Object({
  recipient: NonEmptyText(50),
  phone: NonEmptyText(20),
  zipCode: NonEmptyText(10),
  address: NonEmptyText(200),
  addressDetail: NonEmptyText(200),
})

/** Where an order ships: exactly one of the member's address id or an address given inline. */
const shippingFields = {
  shippingAddressId: t.Optional(Id()),
  shippingAddress: t.Optional(ShippingAddressBody),
}

export const PlaceOrderBody = t.Object({
  items: t.Array(t.Object({ skuId: Id(), quantity: Quantity }), { minItems: 1, maxItems: orderLimits.maxLines }),
  ...shippingFields,
})

export const CheckoutBody = t.Object(shippingFields)

export const RefundBody = t.Object({
  // Order item ids (GET /api/orders/{id} items[].itemId); omitted = every item not refunded yet.
  itemIds: t.Optional(t.Array(Id(), { minItems: 1, maxItems: orderLimits.maxLines })),
})

export const PlacedOrderView = t.Object({
  orderId: t.Integer(),
  orderNo: t.String(),
  status: t.Literal('CREATED'),
  totalAmount: t.Integer(),
})

export const At = t.String({ format: 'date-time' })

export const OrderSummaryView = t.Object({
  orderId: t.Integer(),
  orderNo: t.String(),
  userId: t.Integer(),
  status: t.String(),
  subtotalAmount: t.Integer(),
  discountAmount: t.Integer(),
  shippingFee: t.Integer(),
  totalAmount: t.Integer(),
  refundedAmount: t.Integer(),
  currency: t.Literal('KRW'),
  createdAt: At,
  updatedAt: At,
})

export const OrderDetailView = t.Composite([
  OrderSummaryView,
  t.Object({
    items: t.Array(
      t.Object({
        itemId: t.Integer(),
        skuId: t.Integer(),
        productId: t.Integer(),
        productName: t.String(),
        optionValues: t.Record(t.String(), t.String()),
        quantity: t.Integer(),
        unitPrice: t.Integer(),
        lineAmount: t.Integer(),
        // ORDERED | REFUND_REQUESTED | REFUNDED
        status: t.String(),
      }),
    ),
    history: t.Array(
      t.Object({
        from: t.Union([t.String(), t.Null()]),
        to: t.String(),
        reason: t.Union([t.String(), t.Null()]),
        at: At,
        // An operator's act (retry, resolve): the admin's user id and their words.
        actorId: t.Optional(t.Integer()),
        note: t.Optional(t.String()),
      }),
    ),
    shippingAddress: ShippingAddressBody,
    paidAt: t.Optional(At),
    cancelledAt: t.Optional(At),
  }),
])

export const CancelledView = t.Object({ orderId: t.Integer(), status: t.Literal('CANCELLED') })

export const RefundRequestedView = t.Object({
  orderId: t.Integer(),
  refundAmount: t.Integer(),
  refundedItemIds: t.Array(t.Integer()),
  orderStatus: t.String(),
})

export const CartItemBody = t.Object({ skuId: Id(), quantity: Quantity })
export const CartQuantityBody = t.Object({ quantity: Quantity })
export const CartItemView = t.Object({ cartItemId: t.Integer(), skuId: t.Integer(), quantity: t.Integer() })
export const CartView = t.Object({ cartId: t.Integer(), items: t.Array(CartItemView) })
