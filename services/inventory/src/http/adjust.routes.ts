import { CommonErrors, canonicalJson, Envelope, idempotency, jwtAuth, ok } from '@commerce/platform/http'
import { Elysia } from 'elysia'
import { adjustStock } from '../use-cases/adjust-stock'
import type { InventoryRouteDeps } from './route-deps'
import { AdjustBody, SkuParams, StockViewSchema } from './stock-schemas'

export interface AdjustRequest {
  userId: number
  key: string
  skuId: number
  body: typeof AdjustBody.static
}

/**
 * With an Idempotency-Key the adjustment's id is derived from the caller, the key and the request, so every retry of
 * one request moves stock under one operation key: a retry after a crash between the Redis script and the commit
 * finds the script's marker (same answer, no second movement), and one whose key record was pruned (24 h) finds the
 * operation recorded in MariaDB.
 */
export const adjustmentIdOf = (request: AdjustRequest) =>
  new Bun.CryptoHasher('sha256').update(canonicalJson(request)).digest('hex')

const zeroDelta = () => CommonErrors.validation([{ field: 'delta', value: 0, reason: 'Expected a non-zero integer' }])

/**
 * Admin stock adjustment (SPEC §4): `{delta, reason}` added to available stock → the new balance. Idempotency-Key
 * (platform `idempotency`): the same key and body replay the first answer, another body is 422 COMMON-422-001; the key
 * record commits in the transaction that records the movement. An unknown SKU (404 INVENTORY-404-002) is not kept
 * under the key: the SKU may arrive with `product.sku.created`, and a retry should then apply.
 */
export const adjustRoutes = (deps: InventoryRouteDeps) => {
  return new Elysia({ prefix: '/api/inventories', detail: { tags: ['inventory admin'] } })
    .use(jwtAuth(deps.auth))
    .use(idempotency({ db: deps.db }))
    .post(
      '/:skuId/adjust',
      ({ params: { skuId }, body, user, meta, request, status, idempotently }) => {
        if (body.delta === 0) throw zeroDelta()
        const key = request.headers.get('idempotency-key')
        const keyed = key === null ? undefined : adjustmentIdOf({ userId: user.userId, key, skuId, body })
        const answer = idempotently(async (tx) => {
          // The same request applied before with its key record since pruned finds the operation recorded: no movement.
          const input = { skuId, ...body, actorId: user.userId, adjustmentId: keyed ?? crypto.randomUUID() }
          return status(200, ok(await adjustStock({ db: tx, store: deps.store }, input, meta)))
        })
        // A replay is a stored Response, a first answer the body: Elysia accepts a promise of either, not of both.
        return answer as Promise<Response> | Promise<Exclude<Awaited<typeof answer>, Response>>
      },
      {
        role: 'ADMIN',
        idempotent: { retryable: ['INVENTORY-404-002'] },
        params: SkuParams,
        body: AdjustBody,
        response: { 200: Envelope(StockViewSchema) },
        detail: { summary: 'Adds delta (≠ 0, ±1e9) to available stock; below zero → 409 INVENTORY-409-001' },
      },
    )
}
