import { FormatRegistry, type TLiteral, type TUnion, Type } from '@sinclair/typebox'

// RFC 3339 date-time, as produced by Date.prototype.toISOString(). TypeBox checks formats through a global
// registry and rejects unknown ones, so the format must be registered before any schema using it is compiled.
// Elysia registers its own 'date-time'; whichever module loads first wins, and both accept toISOString() output.
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i
if (!FormatRegistry.Has('date-time')) {
  FormatRegistry.Set('date-time', (value) => dateTime.test(value) && !Number.isNaN(Date.parse(value)))
}

/** A database id: every id on the wire is a positive integer (SPEC §4), SKU ids included. */
export const Id = Type.Integer({ minimum: 1 })

/** An amount in integer KRW. */
export const Money = Type.Integer({ minimum: 0 })

/** A count of units of one SKU in an order line. */
export const Quantity = Type.Integer({ minimum: 1 })

/** An ISO-8601 / RFC 3339 instant, e.g. '2026-03-01T09:30:00.000Z'. */
export const Timestamp = Type.String({ format: 'date-time' })

/** One SKU and how many units of it; skuId is the catalog SKU primary key (original bug §12.4 mixed two ids). */
export const LineItem = Type.Object({ skuId: Id, quantity: Quantity })

/** A line item with the unit price the order was placed at. */
export const PricedLineItem = Type.Object({ skuId: Id, quantity: Quantity, unitPrice: Money })

/** The line items of an order: never empty, as an order always holds at least one. */
export const LineItems = Type.Array(LineItem, { minItems: 1 })

/** The currency code sent beside a Money amount; KRW is the only one. */
export const Currency = Type.Literal('KRW')

/** The PG's id for an approval (Toss paymentKey / transaction key). */
export const PgTransactionId = Type.String({ minLength: 1 })

/** A closed set of codes, e.g. a reason; published as `anyOf` of string consts, in the order given. */
export function oneOf<const T extends readonly string[]>(values: T): TUnion<TLiteral<T[number]>[]> {
  return Type.Union(values.map((value) => Type.Literal(value)))
}
