import type { EventMeta } from '@commerce/contracts'
import { and, eq, sql } from 'drizzle-orm'
import type { UserDb } from '../db'
import { members } from '../db/schema'
import type { CredentialsApi } from './auth-credentials'
import {
  activateMember,
  deletePendingMember,
  type RegistrationClaim,
  renewClaim,
  takeOverClaim,
} from './registration-rows'

/** What the resolve job runs on. */
export interface ResolveDeps {
  db: UserDb
  credentials: CredentialsApi
  /** How long a registration's claim must have gone unrenewed before it is taken over. */
  pendingTimeoutS: number
}

export type Resolution = 'completed' | 'deleted' | 'skipped'

const jobMeta = (): EventMeta => {
  const id = crypto.randomUUID()
  return { now: new Date(), correlationId: id, causationId: id }
}

/**
 * Settles one stale PENDING registration after taking it over: auth has the credential → ACTIVE + `user.registered`;
 * it has none → tombstone the id at auth (a create still in flight is refused from then on), then delete the member.
 * Every step is conditional on the claim, so a second resolver or the original request can never undo the outcome.
 */
export async function resolveRegistration(deps: ResolveDeps, memberId: number): Promise<Resolution> {
  const claim: RegistrationClaim = { memberId, token: crypto.randomUUID() }
  if (!(await takeOverClaim(deps.db, claim, deps.pendingTimeoutS))) return 'skipped'
  const meta = jobMeta()
  if (await deps.credentials.exists(memberId, meta)) {
    const member = await deps.db.transaction((tx) => activateMember(tx, claim, meta))
    return member ? 'completed' : 'skipped'
  }
  // Renewed right before the tombstone: nobody can take the registration over while the call is in flight.
  if (!(await renewClaim(deps.db, claim))) return 'skipped'
  await deps.credentials.tombstone(memberId, meta)
  return (await deps.db.transaction((tx) => deletePendingMember(tx, claim))) ? 'deleted' : 'skipped'
}

/** Members PENDING whose claim went unrenewed past the timeout, oldest first (bounded per run). */
export async function stalePendingMembers(deps: ResolveDeps, limit: number): Promise<number[]> {
  const rows = await deps.db
    .select({ id: members.id })
    .from(members)
    .where(
      and(
        eq(members.status, 'PENDING'),
        sql`${members.registrationClaimedAt} < UTC_TIMESTAMP(3) - INTERVAL ${deps.pendingTimeoutS} SECOND`,
      ),
    )
    .orderBy(members.registrationClaimedAt)
    .limit(limit)
  return rows.map((r) => r.id)
}
