import { EmptyEnvelope, Envelope, Id, idempotency, type JwtAuthOptions, jwtAuth, ok } from '@commerce/platform/http'
import { and, eq } from 'drizzle-orm'
import { Elysia, t } from 'elysia'
import type { UserDb } from '../db'
import { members } from '../db/schema'
import { listOrder } from '../domain/addresses'
import { MemberErrors } from '../domain/errors'
import { addAddress } from '../use-cases/add-address'
import { addressView, liveAddresses } from '../use-cases/address-rows'
import { deleteAddress } from '../use-cases/delete-address'
import { updateAddress } from '../use-cases/update-address'
import { AddressChangeBody, AddressView, NewAddressBody } from './schemas'

const AddressParam = t.Object({ id: Id() })

/** The caller's addresses: list (default first), add (Idempotency-Key), change, soft delete. */
export const addressRoutes = (deps: { db: UserDb; auth: JwtAuthOptions }) =>
  new Elysia({ prefix: '/api/users/me/addresses', detail: { tags: ['addresses'] } })
    .use(jwtAuth(deps.auth))
    .use(idempotency({ db: deps.db }))
    .get(
      '/',
      async ({ user }) => {
        const [member] = await deps.db
          .select({ id: members.id })
          .from(members)
          .where(and(eq(members.id, user.userId), eq(members.status, 'ACTIVE')))
        if (!member) throw MemberErrors.memberNotFound()
        const list = await deps.db.transaction((tx) => liveAddresses(tx, member.id))
        return ok(listOrder(list).map(addressView))
      },
      { auth: true, response: Envelope(t.Array(AddressView)) },
    )
    .post(
      '/',
      ({ user, body, meta, status, idempotently }) => {
        const { isDefault, ...fields } = body
        return idempotently(async (tx) =>
          status(201, ok(await addAddress(tx, { memberId: user.userId, fields, isDefault }, meta))),
        )
      },
      { auth: true, idempotent: true, body: NewAddressBody, response: { 201: Envelope(AddressView) } },
    )
    .patch(
      '/:id',
      async ({ user, params, body, meta }) => {
        const { isDefault, ...fields } = body
        const change = { memberId: user.userId, addressId: params.id, fields, isDefault }
        return ok(await deps.db.transaction((tx) => updateAddress(tx, change, meta)))
      },
      { auth: true, params: AddressParam, body: AddressChangeBody, response: Envelope(AddressView) },
    )
    .delete(
      '/:id',
      async ({ user, params, meta }) => {
        await deps.db.transaction((tx) => deleteAddress(tx, { memberId: user.userId, addressId: params.id }, meta))
        return ok()
      },
      { auth: true, params: AddressParam, response: EmptyEnvelope },
    )
