import { Id, NonEmptyText, SafeInteger, Text } from '@commerce/platform/http'
import { t } from 'elysia'

// DATETIME(3) holds years 1000–9999; the format check alone would let year 0001 reach the database.
const Instant = t.String({ format: 'date-time', pattern: '^[1-9]\\d{3}-', maxLength: 40 })

/** `POST /api/products/:id/discounts`; RATE's 1..100 is checked by the use case (it depends on the type). */
export const NewDiscountBody = t.Object({
  name: NonEmptyText(100),
  discountType: t.Union([t.Literal('RATE'), t.Literal('AMOUNT')]),
  discountValue: SafeInteger({ minimum: 1 }),
  startAt: t.Optional(t.Union([Instant, t.Null()])),
  endAt: t.Optional(t.Union([Instant, t.Null()])),
})

/** A discount policy as the API shows it; `active` at the moment of the read. */
export const DiscountView = t.Object({
  id: t.Integer(),
  productId: t.Integer(),
  name: t.String(),
  discountType: t.String(),
  discountValue: t.Integer(),
  startAt: t.Union([t.String(), t.Null()]),
  endAt: t.Union([t.String(), t.Null()]),
  active: t.Boolean(),
  createdAt: t.String(),
})

/** `POST /api/promotions`; `discountPrice ≤ price` and `endAt > startAt` are checked by the use case. */
export const NewPromotionBody = t.Object({
  productId: Id(),
  discountPrice: SafeInteger({ minimum: 0 }),
  startAt: Instant,
  endAt: Instant,
  type: t.Union([t.Literal('CAMPAIGN'), t.Literal('BRAND'), t.Literal('REGULAR')]),
  priority: t.Integer({ minimum: 0, maximum: 2_147_483_647 }),
  description: t.Optional(t.Union([Text(500), t.Null()])),
})

/** A promotion as the API shows it. */
export const PromotionView = t.Object({
  id: t.Integer(),
  productId: t.Integer(),
  discountPrice: t.Integer(),
  startAt: t.String(),
  endAt: t.String(),
  type: t.String(),
  priority: t.Integer(),
  description: t.Union([t.String(), t.Null()]),
  createdAt: t.String(),
})

/** `GET /api/promotions/products/:id/price`: `discountPrice` is the winning promotion's, `finalPrice` what sells. */
export const PromotionPriceView = t.Object({
  productId: t.Integer(),
  originalPrice: t.Integer(),
  discountPrice: t.Union([t.Integer(), t.Null()]),
  finalPrice: t.Integer(),
  hasActivePromotion: t.Boolean(),
})

/** `/:id/discounts/:discountId`. */
export const DiscountParams = t.Object({ id: Id(), discountId: Id() })
