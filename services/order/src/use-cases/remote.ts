import type { Logger } from '@commerce/platform/log'
import { createServiceClient, RemoteError } from '@commerce/platform/service-client'
import type { ShippingAddress } from '../db/schema'
import { OrderErrors } from '../domain/errors'
import type { SkuOffer } from '../domain/pricing'

/** The ids a call carries along (x-request-id, traceparent). */
type CallMeta = { correlationId?: string; traceparent?: string }

/** What placing an order reads from other services, before its transaction opens. */
export interface Remote {
  /** The SKUs of `ids` that exist (unknown ids are left out). No answer throws ServiceUnavailable ORDER-503-002. */
  skus(ids: number[], meta: CallMeta): Promise<SkuOffer[]>
  /** A member's live address; unknown → ORDER-422-004. No answer throws ServiceUnavailable ORDER-503-003. */
  address(at: { userId: number; addressId: number }, meta: CallMeta): Promise<ShippingAddress>
}

/** Clients of catalog and user through the platform service client (timeouts, retries on GET, circuit breaker). */
export function remoteServices(options: {
  catalog: { baseUrl: string; timeoutMs: number }
  user: { baseUrl: string; timeoutMs: number }
  logger: Logger
}): Remote {
  const { logger } = options
  const catalog = createServiceClient({ name: 'catalog', unavailableCode: 'ORDER-503-002', ...options.catalog, logger })
  const user = createServiceClient({ name: 'user', unavailableCode: 'ORDER-503-003', ...options.user, logger })
  return {
    skus: (ids, meta) => catalog.get<SkuOffer[]>('/internal/skus', { query: { ids: ids.join(',') }, meta }),
    address: async ({ userId, addressId }, meta) => {
      try {
        const found = await user.get<ShippingAddress>(`/internal/users/${userId}/addresses/${addressId}`, { meta })
        const { recipient, phone, zipCode, address, addressDetail } = found
        return { recipient, phone, zipCode, address, addressDetail }
      } catch (error) {
        if (error instanceof RemoteError && error.status === 404) throw OrderErrors.addressNotFound()
        throw error
      }
    },
  }
}
