import { Envelope, Id, ok } from '@commerce/platform/http'
import { and, eq, isNull } from 'drizzle-orm'
import { Elysia, t } from 'elysia'
import type { UserDb } from '../db'
import { addresses, members } from '../db/schema'
import { MemberErrors } from '../domain/errors'
import { addressView } from '../use-cases/address-rows'
import { AddressView } from './schemas'

const Params = t.Object({ id: Id(), addressId: Id() })

/** Internal (cluster network, no token): order resolves `shippingAddressId` through it. */
export const internalRoutes = (deps: { db: UserDb }) =>
  new Elysia({ prefix: '/internal/users', detail: { tags: ['internal'] } }).get(
    '/:id/addresses/:addressId',
    async ({ params }) => {
      const [row] = await deps.db
        .select({ address: addresses })
        .from(addresses)
        .innerJoin(members, eq(members.id, addresses.memberId))
        .where(
          and(
            eq(addresses.id, params.addressId),
            eq(addresses.memberId, params.id),
            isNull(addresses.deletedAt),
            eq(members.status, 'ACTIVE'),
          ),
        )
      if (!row) throw MemberErrors.addressNotFound()
      return ok(addressView(row.address))
    },
    { params: Params, response: Envelope(AddressView) },
  )
