import { Envelope, jwtAuth, ok, PageOf } from '@commerce/platform/http'
import { Elysia } from 'elysia'
import { ledgerReads } from './ledger-reads'
import type { InventoryRouteDeps } from './route-deps'
import { LedgerEntrySchema, LedgerQuery, LogsQuery, LogsView, SkuParams } from './stock-schemas'

/** Admin reads of the ledger (role ADMIN): one SKU's movements paged, and the original's `logs` by time window. */
export const ledgerRoutes = (deps: Pick<InventoryRouteDeps, 'db' | 'auth'>) => {
  const reads = ledgerReads(deps.db)
  return new Elysia({ prefix: '/api/inventories', detail: { tags: ['inventory admin'] } })
    .use(jwtAuth(deps.auth))
    .get('/:skuId/ledger', async ({ params, query }) => ok(await reads.page(params.skuId, query)), {
      role: 'ADMIN',
      params: SkuParams,
      query: LedgerQuery,
      response: Envelope(PageOf(LedgerEntrySchema)),
      detail: { summary: "One SKU's ledger, newest first; unknown SKU → 404 INVENTORY-404-002" },
    })
    .get('/logs', async ({ query }) => ok(await reads.logs(query)), {
      role: 'ADMIN',
      query: LogsQuery,
      response: Envelope(LogsView),
      detail: { summary: "The original's logs: one SKU's rows in [from, to] (ISO date-times), newest first, ≤ 1000" },
    })
}
