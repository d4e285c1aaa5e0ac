import { CommonErrors, Id, maxId, PageQuery } from '@commerce/platform/http'
import { Type } from '@sinclair/typebox'
import { t } from 'elysia'

/**
 * One SKU's balance (SPEC §4): on hand = available + reserved. Plain TypeBox integers, not Elysia's `t.Integer`
 * (a transform that also accepts numeric strings): the hot read checks its answer without a per-request encode.
 */
export const StockViewSchema = Type.Object({
  skuId: Type.Integer(),
  onHand: Type.Integer(),
  reserved: Type.Integer(),
  available: Type.Integer(),
})

export const SkuParams = t.Object({ skuId: Id() })

const idPattern = /^[1-9]\d{0,15}$/

/**
 * The hot read's `skuId`, parsed by hand: Elysia's coercing params schema decodes through TypeBox's interpreter, which
 * cost more CPU than the rest of the request (bench/stock-read.ts). Same rule as `SkuParams`: 1..2^53-1, else 400.
 */
export function skuIdOf(raw: string): number {
  const id = idPattern.test(raw) ? Number(raw) : Number.NaN
  if (id <= maxId) return id
  throw CommonErrors.validation([{ field: 'skuId', value: raw, reason: `Expected an integer from 1 to ${maxId}` }])
}

/** `SkuParams` for the OpenAPI document of a route that parses `skuId` itself. */
export const skuIdParameter = {
  name: 'skuId',
  in: 'path',
  required: true,
  schema: { type: 'integer', minimum: 1, maximum: maxId },
} as const

/** 1..100 SKU ids; a repeated id is answered once. */
export const BulkBody = t.Object({ skuIds: t.Array(Id(), { minItems: 1, maxItems: 100 }) })

/** The original answered zeros for a SKU it did not know; `known: false` tells such a zero from a real one. */
export const BulkView = t.Object({
  inventories: t.Array(t.Object({ ...StockViewSchema.properties, known: t.Boolean() })),
})

/** The largest change one adjustment may make, either way. */
export const maxAdjustDelta = 1_000_000_000

export const AdjustBody = t.Object({
  // Zero is refused by the handler (a schema "not 0" would report a union error no one can read).
  delta: t.Integer({ minimum: -maxAdjustDelta, maximum: maxAdjustDelta }),
  // `\S`: at least one character that is not white space.
  reason: t.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
})

/** One ledger row: a movement of one SKU, newest first. */
export const LedgerEntrySchema = t.Object({
  id: t.Integer(),
  kind: t.String(),
  orderId: t.Optional(t.Integer()),
  availableDelta: t.Integer(),
  reservedDelta: t.Integer(),
  reason: t.Optional(t.String()),
  actorId: t.Optional(t.Integer()),
  at: t.String({ format: 'date-time' }),
})

export const LedgerQuery = PageQuery

/** The original's `GET /api/inventories/logs?skuId=&from=&to=`: one SKU's rows, optionally within `[from, to]`. */
export const LogsQuery = t.Object({
  skuId: Id(),
  from: t.Optional(t.Date()),
  to: t.Optional(t.Date()),
})

export const LogsView = t.Object({
  logs: t.Array(t.Object({ skuId: t.Integer(), ...LedgerEntrySchema.properties })),
  /** True when more rows matched than one answer carries (`maxLogRows`); the paged ledger reads them all. */
  truncated: t.Boolean(),
})
