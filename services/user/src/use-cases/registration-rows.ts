import type { EventMeta } from '@commerce/contracts'
import { UserRegisteredV1 } from '@commerce/contracts/user'
import {
  claimIdempotencyKey,
  type IdempotencyKeyRef,
  idempotencyKeys,
  isDuplicateKey,
  storeIdempotentAnswer,
} from '@commerce/platform/db'
import { ok } from '@commerce/platform/http'
import { appendOutbox } from '@commerce/platform/outbox'
import { and, eq, sql } from 'drizzle-orm'
import type { UserDb, UserTx } from '../db'
import { members } from '../db/schema'
import { MemberErrors } from '../domain/errors'
import type { MemberRole } from '../domain/member'

/** The Idempotency-Key of a registering request: whose key, and what request it belongs to. */
export interface RegistrationKey {
  ref: IdempotencyKeyRef
  fingerprint: string
}

/** Who may move a PENDING member on: the holder of `token`, whose claim is renewed on the DB clock. */
export interface RegistrationClaim {
  memberId: number
  token: string
}

const anonScope = 'anon'
const utcNow = sql`UTC_TIMESTAMP(3)`
const ownedBy = (claim: RegistrationClaim) =>
  and(eq(members.id, claim.memberId), eq(members.status, 'PENDING'), eq(members.registrationToken, claim.token))

/** The key ref stored on a member row (registrations are anonymous: scope `anon`). */
export const keyRefOf = (key: Uint8Array | string | null): IdempotencyKeyRef | undefined =>
  key === null ? undefined : { scope: anonScope, key: typeof key === 'string' ? key : new TextDecoder().decode(key) }

/**
 * Tx1: the PENDING member, claimed by `token`, and the Idempotency-Key row when there is one. Returns undefined when
 * the key is already taken (the caller reads its record); a taken email throws MEMBER-409-001.
 */
export async function insertPendingMember(
  tx: UserTx,
  input: { email: string; name: string; phone: string | null; role: MemberRole; token: string; key?: RegistrationKey },
  meta: EventMeta,
): Promise<number | undefined> {
  const { key, token, ...member } = input
  if (key && !(await claimIdempotencyKey(tx, { ...key.ref, fingerprint: key.fingerprint, now: meta.now }))) return
  try {
    const [inserted] = await tx.insert(members).values({
      ...member,
      status: 'PENDING',
      registrationToken: token,
      registrationClaimedAt: utcNow,
      registrationKey: key?.ref.key ?? null,
      createdAt: meta.now,
      updatedAt: meta.now,
    })
    return inserted.insertId
  } catch (error) {
    if (isDuplicateKey(error)) throw MemberErrors.emailTaken()
    throw error
  }
}

/** Renews the claim on the DB clock; false when the member is no longer this claimant's (the job took it over). */
export async function renewClaim(db: UserDb, claim: RegistrationClaim): Promise<boolean> {
  const [result] = await db.update(members).set({ registrationClaimedAt: utcNow }).where(ownedBy(claim))
  return result.affectedRows === 1
}

/**
 * Hands a registration PENDING past `timeoutS` since its last claim to a new claimant (the resolve job); false when it
 * was settled or renewed meanwhile.
 */
export async function takeOverClaim(db: UserDb, claim: RegistrationClaim, timeoutS: number): Promise<boolean> {
  const [result] = await db
    .update(members)
    .set({ registrationToken: claim.token, registrationClaimedAt: utcNow })
    .where(
      and(
        eq(members.id, claim.memberId),
        eq(members.status, 'PENDING'),
        sql`${members.registrationClaimedAt} < ${utcNow} - INTERVAL ${timeoutS} SECOND`,
      ),
    )
  return result.affectedRows === 1
}

/**
 * Tx2: PENDING → ACTIVE with `user.registered` in the outbox, and the 201 kept for the Idempotency-Key. Undefined when
 * the claim was lost (someone else settles the registration).
 */
export async function activateMember(tx: UserTx, claim: RegistrationClaim, meta: EventMeta) {
  const [result] = await tx
    .update(members)
    .set({ status: 'ACTIVE', registrationToken: null, registrationClaimedAt: null, updatedAt: meta.now })
    .where(ownedBy(claim))
  if (result.affectedRows !== 1) return undefined
  const [member] = await tx.select().from(members).where(eq(members.id, claim.memberId))
  if (!member) return undefined
  const view = { id: member.id, email: member.email, name: member.name }
  const data = { userId: member.id, email: member.email, name: member.name, registeredAt: meta.now.toISOString() }
  await appendOutbox(tx, UserRegisteredV1.create(data, meta))
  const ref = keyRefOf(member.registrationKey)
  if (ref) await storeIdempotentAnswer(tx, ref, { status: 201, contentType: 'application/json', body: json(ok(view)) })
  return view
}

/**
 * Deletes a PENDING member whose credential can no longer exist (auth tombstoned its id). Its Idempotency-Key keeps
 * `finalAnswer` (a refusal a retry must see again) or is released (an outage: a retry may run again).
 */
export async function deletePendingMember(
  tx: UserTx,
  claim: RegistrationClaim,
  finalAnswer?: { status: number; body: unknown },
): Promise<boolean> {
  const [member] = await tx.select().from(members).where(ownedBy(claim)).for('update')
  if (!member) return false
  await tx.delete(members).where(eq(members.id, member.id))
  const ref = keyRefOf(member.registrationKey)
  if (ref && finalAnswer) {
    await storeIdempotentAnswer(tx, ref, {
      status: finalAnswer.status,
      contentType: 'application/json',
      body: json(finalAnswer.body),
    })
  } else if (ref) {
    await tx.delete(idempotencyKeys).where(and(eq(idempotencyKeys.scope, ref.scope), eq(idempotencyKeys.key, ref.key)))
  }
  return true
}

const json = (value: unknown) => JSON.stringify(value)
