import { EmptyEnvelope, Envelope, type JwtAuthOptions, jwtAuth, ok } from '@commerce/platform/http'
import { and, eq } from 'drizzle-orm'
import { Elysia } from 'elysia'
import type { UserDb } from '../db'
import { members } from '../db/schema'
import { MemberErrors } from '../domain/errors'
import { memberView } from '../domain/member'
import { updateProfile } from '../use-cases/update-profile'
import { withdrawMember } from '../use-cases/withdraw-member'
import { MemberView, ProfileBody } from './schemas'

/** `GET/PATCH/DELETE /api/users/me`: the caller's own profile; only an ACTIVE member is found. */
export const meRoutes = (deps: { db: UserDb; auth: JwtAuthOptions }) =>
  new Elysia({ prefix: '/api/users/me', detail: { tags: ['members'] } })
    .use(jwtAuth(deps.auth))
    .get(
      '/',
      async ({ user }) => {
        const [member] = await deps.db
          .select()
          .from(members)
          .where(and(eq(members.id, user.userId), eq(members.status, 'ACTIVE')))
        if (!member) throw MemberErrors.memberNotFound()
        return ok(memberView(member))
      },
      { auth: true, response: Envelope(MemberView) },
    )
    .patch(
      '/',
      async ({ user, body, meta }) => {
        const change = { memberId: user.userId, name: body.name, phone: body.phone, onlyActive: true }
        return ok(await deps.db.transaction((tx) => updateProfile(tx, change, meta)))
      },
      { auth: true, body: ProfileBody, response: Envelope(MemberView) },
    )
    .delete(
      '/',
      async ({ user, meta }) => {
        await deps.db.transaction((tx) => withdrawMember(tx, { memberId: user.userId }, meta))
        return ok()
      },
      { auth: true, response: EmptyEnvelope },
    )
