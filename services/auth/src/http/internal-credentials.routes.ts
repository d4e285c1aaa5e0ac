import { type Db, isDuplicateKey } from '@commerce/platform/db'
import { CommonErrors, Envelope, httpKit, ok } from '@commerce/platform/http'
import { Elysia, t } from 'elysia'
import { type CredentialView, isPlausibleEmail, normalizeEmail, type Role } from '../domain/credential'
import { AuthErrors } from '../domain/errors'
import { cancelCredential } from '../use-cases/cancel-credential'
import { createCredential } from '../use-cases/create-credential'
import { findCredentialByEmail, findCredentialByUser, isCancelled, toView } from '../use-cases/credentials'
import { hashPassword } from '../use-cases/password'
import { CreateCredentialBody, CredentialData, CredentialWithStatus, UserIdParam } from './credential-schemas'

const dataOf = ({ userId, email, roles }: CredentialView) => ({ userId, email, roles })

/**
 * What an earlier request already decided for this user id and email: the stored credential (a retry), or the
 * conflict to answer. Undefined: nothing stands in the way of creating it.
 */
async function priorAnswer(db: Db, input: { userId: number; email: string }) {
  if (await isCancelled(db, input.userId)) throw AuthErrors.cancelled()
  const mine = await findCredentialByUser(db, input.userId)
  if (mine) {
    if (mine.email !== input.email) throw AuthErrors.otherEmail()
    return toView(mine)
  }
  if (await findCredentialByEmail(db, input.email)) throw AuthErrors.emailTaken()
  return undefined
}

function normalizedEmail(raw: string): string {
  const email = normalizeEmail(raw)
  if (!isPlausibleEmail(email)) {
    throw CommonErrors.validation([{ field: 'email', value: raw, reason: 'must be an email address' }])
  }
  return email
}

/** Auth's internal API (no bearer token; internal network only): user creates and cancels credentials here. */
export const internalCredentialRoutes = (deps: { db: Db }) =>
  new Elysia({ prefix: '/internal/credentials', detail: { tags: ['internal'] } })
    .use(httpKit)
    .post(
      '/',
      async ({ body, meta, status }) => {
        const input = { userId: body.userId, email: normalizedEmail(body.email) }
        const prior = await priorAnswer(deps.db, input)
        if (prior) return status(200, ok(dataOf(prior)))
        // Hashed before the transaction: ~90 ms of CPU must not hold a connection and locks.
        const passwordHash = await hashPassword(body.password)
        const credential = { ...input, passwordHash, roles: [...new Set(body.roles)] as Role[] }
        try {
          const created = await deps.db.transaction((tx) => createCredential(tx, credential, meta.now))
          return status(201, ok(dataOf(created)))
        } catch (error) {
          if (!isDuplicateKey(error)) throw error
          // A concurrent request won the race: answer as a retry would be answered.
          const raced = await priorAnswer(deps.db, input)
          if (raced) return status(200, ok(dataOf(raced)))
          throw AuthErrors.emailTaken()
        }
      },
      { body: CreateCredentialBody, response: { 200: Envelope(CredentialData), 201: Envelope(CredentialData) } },
    )
    .get(
      '/:userId',
      async ({ params }) => {
        const row = await findCredentialByUser(deps.db, params.userId)
        if (!row) throw AuthErrors.credentialNotFound()
        return ok(toView(row))
      },
      { params: UserIdParam, response: Envelope(CredentialWithStatus) },
    )
    .delete(
      '/:userId',
      async ({ params, meta }) => ok(await deps.db.transaction((tx) => cancelCredential(tx, params.userId, meta.now))),
      { params: UserIdParam, response: Envelope(t.Object({ deleted: t.Boolean() })) },
    )
