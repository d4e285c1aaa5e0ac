import type { EventMeta } from '@commerce/contracts'
import { findIdempotencyKey, type StoredAnswer } from '@commerce/platform/db'
import { describeError } from '@commerce/platform/errors'
import { type AppError, CommonErrors, errorBody } from '@commerce/platform/http'
import type { Logger } from '@commerce/platform/log'
import { RemoteError } from '@commerce/platform/service-client'
import type { UserDb } from '../db'
import { MemberErrors } from '../domain/errors'
import { authRolesOf, type MemberRole, normalizeEmail } from '../domain/member'
import type { CredentialsApi } from './auth-credentials'
import {
  activateMember,
  deletePendingMember,
  insertPendingMember,
  type RegistrationClaim,
  type RegistrationKey,
  renewClaim,
} from './registration-rows'

/** What registration runs on: the database, auth's credentials API, a logger for what it cannot answer with. */
export interface RegistrationDeps {
  db: UserDb
  credentials: CredentialsApi
  logger: Logger
}

export interface RegistrationInput {
  email: string
  password: string
  name: string
  phone?: string | null | undefined
  role: MemberRole
  key?: RegistrationKey | undefined
}

/** A new member, or the answer a repeated Idempotency-Key gets again. */
export type RegistrationResult = { member: { id: number; email: string; name: string } } | { replay: StoredAnswer }

/** Auth's refusal as our own 4xx: its email conflict is ours, anything else refused the credential itself. */
const refusalOf = (error: RemoteError): AppError =>
  error.code === 'AUTH-409-001' ? MemberErrors.emailTaken() : MemberErrors.credentialRefused(error.message)

/**
 * Undoes a registration while this request still owns it: tombstone the id at auth first (a late create is refused
 * from then on), then delete the member. Renewing the claim first guarantees the resolve job does not take it over
 * while the tombstone is in flight (the job waits for a claim older than the pending timeout, far above one call).
 */
async function undo(deps: RegistrationDeps, claim: RegistrationClaim, at: { meta: EventMeta; refusal?: AppError }) {
  const { meta, refusal } = at
  if (!(await renewClaim(deps.db, claim))) return
  await deps.credentials.tombstone(claim.memberId, meta)
  const finalAnswer = refusal ? { status: refusal.status, body: errorBody(refusal) } : undefined
  await deps.db.transaction((tx) => deletePendingMember(tx, claim, finalAnswer))
}

async function keyTaken(db: UserDb, key: RegistrationKey): Promise<RegistrationResult> {
  const record = await findIdempotencyKey(db, key.ref)
  if (record && record.fingerprint !== key.fingerprint) throw CommonErrors.idempotencyKeyReused()
  if (record?.answer) return { replay: record.answer }
  throw MemberErrors.registrationInProgress()
}

async function createCredential(
  deps: RegistrationDeps,
  claim: RegistrationClaim,
  at: { input: RegistrationInput; meta: EventMeta },
) {
  const { input, meta } = at
  const { email, password, role } = input
  const credential = { userId: claim.memberId, email: normalizeEmail(email), password, roles: authRolesOf(role) }
  try {
    await deps.credentials.create(credential, meta)
  } catch (error) {
    if (error instanceof RemoteError) {
      const refusal = refusalOf(error)
      await undo(deps, claim, { meta, refusal }).catch((e: unknown) =>
        deps.logger.warn('registration undo failed', { error: describeError(e) }),
      )
      throw refusal
    }
    // No answer: the credential may or may not exist. Undo if auth is back; else the resolve job settles it.
    await undo(deps, claim, { meta }).catch((e: unknown) =>
      deps.logger.warn('registration undo failed', { error: describeError(e) }),
    )
    throw MemberErrors.registrationUnavailable()
  }
}

/**
 * Registers a member across user and auth without leaving an orphan on either side (README, "Registration"):
 * Tx1 PENDING member → auth creates the credential (no transaction open) → Tx2 ACTIVE + `user.registered`.
 * Spans several transactions, so it takes the database rather than a `tx`.
 */
export async function registerMember(
  deps: RegistrationDeps,
  input: RegistrationInput,
  meta: EventMeta,
): Promise<RegistrationResult> {
  const token = crypto.randomUUID()
  const row = { email: normalizeEmail(input.email), name: input.name, phone: input.phone ?? null, role: input.role }
  const memberId = await deps.db.transaction((tx) =>
    insertPendingMember(tx, { ...row, token, ...(input.key ? { key: input.key } : {}) }, meta),
  )
  if (memberId === undefined) return keyTaken(deps.db, input.key as RegistrationKey)
  const claim = { memberId, token }
  await createCredential(deps, claim, { input, meta })
  const member = await deps.db.transaction((tx) => activateMember(tx, claim, meta))
  // Lost the claim: the request outlived the pending timeout and the resolve job settles the registration.
  if (!member) throw MemberErrors.registrationUnavailable()
  return { member }
}
