import { Envelope, jwtAuth, ok } from '@commerce/platform/http'
import { Elysia, t } from 'elysia'
import type { InjectedFaults } from '../use-cases/injected-faults'
import type { InventoryRouteDeps } from './route-deps'
import { SkuParams } from './stock-schemas'

const FaultsBody = t.Object({ confirmFails: t.Boolean() })
const FaultsView = t.Object({ skuId: t.Integer(), confirmFails: t.Boolean() })

/**
 * TEST-ONLY (mounted only when INVENTORY_FAULTS_ENABLED; otherwise the path is a 404): an admin switches "confirming
 * an order with this SKU fails" on or off, so the end-to-end tests can drive the saga's stock-confirm-failure
 * compensation through HTTP. Any SKU id is accepted: the switch is only read when an order with it is confirmed.
 */
export const faultsRoutes = (deps: Pick<InventoryRouteDeps, 'auth'> & { faults: InjectedFaults }) =>
  new Elysia({ prefix: '/api/inventories', detail: { tags: ['inventory test faults'] } }).use(jwtAuth(deps.auth)).put(
    '/:skuId/faults',
    async ({ params: { skuId }, body }) => {
      await deps.faults.setConfirmFails(skuId, body.confirmFails)
      return ok({ skuId, confirmFails: body.confirmFails })
    },
    {
      role: 'ADMIN',
      params: SkuParams,
      body: FaultsBody,
      response: { 200: Envelope(FaultsView) },
      detail: { summary: 'TEST-ONLY fault switch: confirming an order with this SKU fails (stock.confirm.failed)' },
    },
  )
