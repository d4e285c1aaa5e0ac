import { Id, NonEmptyText } from '@commerce/platform/http'
import { t } from 'elysia'

const Role = t.Union([t.Literal('USER'), t.Literal('ADMIN')])
const Status = t.Union([t.Literal('ACTIVE'), t.Literal('LOCKED'), t.Literal('WITHDRAWN')])

/** `POST /internal/credentials` body: only these fields are read. */
export const CreateCredentialBody = t.Object({
  userId: Id(),
  // Normalized and shape-checked after trimming; 320 bounds what is read before that.
  email: NonEmptyText(320),
  password: t.String({ minLength: 8, maxLength: 72 }),
  roles: t.Array(Role, { maxItems: 2 }),
})

/** A credential as the internal API answers it. */
export const CredentialData = t.Object({ userId: t.Integer(), email: t.String(), roles: t.Array(Role) })

/** A credential with its status (`GET /internal/credentials/:userId`). */
export const CredentialWithStatus = t.Object({
  userId: t.Integer(),
  email: t.String(),
  roles: t.Array(Role),
  status: Status,
})

/** `:userId` path parameter. */
export const UserIdParam = t.Object({ userId: Id() })
