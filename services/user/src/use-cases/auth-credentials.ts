import type { Logger } from '@commerce/platform/log'
import { createServiceClient, RemoteError } from '@commerce/platform/service-client'

/** The ids a call carries along (x-request-id, traceparent). */
type CallMeta = { correlationId?: string; traceparent?: string }

/** What registration needs from auth's internal credentials API (services/auth, issue 8). */
export interface CredentialsApi {
  /** Creates the credential (idempotent per userId + email); a refusal throws RemoteError with auth's code. */
  create(input: { userId: number; email: string; password: string; roles: string[] }, meta: CallMeta): Promise<void>
  /** Whether a credential exists for the member. */
  exists(userId: number, meta: CallMeta): Promise<boolean>
  /** Tombstones the member id at auth (no credential can ever be created for it again) and deletes its credential. */
  tombstone(userId: number, meta: CallMeta): Promise<void>
}

/**
 * The client of auth's internal API. Every call may be retried: the create is idempotent per userId + email at auth
 * (its Idempotency-Key only makes the client willing to retry it), a read and a tombstone are naturally so.
 * No answer throws ServiceUnavailable with MEMBER-503-001.
 */
export function authCredentials(options: { baseUrl: string; timeoutMs: number; logger: Logger }): CredentialsApi {
  const client = createServiceClient({ name: 'auth', unavailableCode: 'MEMBER-503-001', ...options })
  return {
    create: async (input, meta) => {
      const idempotencyKey = `credential-${input.userId}`
      await client.post('/internal/credentials', { body: input, idempotencyKey, meta })
    },
    exists: async (userId, meta) => {
      try {
        await client.get(`/internal/credentials/${userId}`, { meta })
        return true
      } catch (error) {
        if (error instanceof RemoteError && error.status === 404) return false
        throw error
      }
    },
    tombstone: async (userId, meta) => {
      await client.delete(`/internal/credentials/${userId}`, { meta })
    },
  }
}
