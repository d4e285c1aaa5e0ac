import {
  EmptyEnvelope,
  Envelope,
  IdParam,
  type JwtAuthOptions,
  jwtAuth,
  ok,
  PageOf,
  PageQuery,
  page,
  pageOffset,
} from '@commerce/platform/http'
import { and, count, desc, eq, ne } from 'drizzle-orm'
import { Elysia } from 'elysia'
import type { UserDb } from '../db'
import { members } from '../db/schema'
import { MemberErrors } from '../domain/errors'
import { memberView } from '../domain/member'
import { lockMember } from '../use-cases/lock-member'
import { updateProfile } from '../use-cases/update-profile'
import { MemberView, ProfileBody } from './schemas'

// A registration still in flight is nobody's business, an admin's included.
const registered = ne(members.status, 'PENDING')

/** Role ADMIN: read, list, edit and lock members (the original's public `GET /api/users/{id}` is admin-only here). */
export const adminRoutes = (deps: { db: UserDb; auth: JwtAuthOptions }) =>
  new Elysia({ prefix: '/api/users', detail: { tags: ['admin'] } })
    .use(jwtAuth(deps.auth))
    .get(
      '/',
      async ({ query }) => {
        const [rows, [total]] = await Promise.all([
          deps.db
            .select()
            .from(members)
            .where(registered)
            .orderBy(desc(members.id))
            .limit(query.size)
            .offset(pageOffset(query)),
          deps.db.select({ value: count() }).from(members).where(registered),
        ])
        return ok(page(rows.map(memberView), { ...query, totalItems: total?.value ?? 0 }))
      },
      { role: 'ADMIN', query: PageQuery, response: Envelope(PageOf(MemberView)) },
    )
    .get(
      '/:id',
      async ({ params }) => {
        const [member] = await deps.db
          .select()
          .from(members)
          .where(and(eq(members.id, params.id), registered))
        if (!member) throw MemberErrors.memberNotFound()
        return ok(memberView(member))
      },
      { role: 'ADMIN', params: IdParam, response: Envelope(MemberView) },
    )
    .patch(
      '/:id',
      async ({ params, body, meta }) => {
        const change = { memberId: params.id, name: body.name, phone: body.phone, onlyActive: false }
        return ok(await deps.db.transaction((tx) => updateProfile(tx, change, meta)))
      },
      { role: 'ADMIN', params: IdParam, body: ProfileBody, response: Envelope(MemberView) },
    )
    .delete(
      '/:id',
      async ({ params, meta }) => {
        await deps.db.transaction((tx) => lockMember(tx, { memberId: params.id }, meta))
        return ok()
      },
      { role: 'ADMIN', params: IdParam, response: EmptyEnvelope },
    )
