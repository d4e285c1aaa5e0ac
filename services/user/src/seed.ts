import type { Logger } from '@commerce/platform/log'
import { ServiceUnavailable } from '@commerce/platform/service-client'
import { eq } from 'drizzle-orm'
import type { UserDb } from './db'
import { members } from './db/schema'
import { normalizeEmail } from './domain/member'
import type { CredentialsApi } from './use-cases/auth-credentials'
import { registerMember } from './use-cases/register-member'
import { resolveRegistration } from './use-cases/resolve-pending-registrations'

/** How long the seed waits for auth (it may still be starting) before start-up fails. */
const patienceMs = 60_000

interface SeedDeps {
  db: UserDb
  credentials: CredentialsApi
  logger: Logger
  pendingTimeoutS: number
}

/** One attempt: done when the admin is ACTIVE; a stale PENDING one (a start killed mid-seed) is settled first. */
async function seedOnce(deps: SeedDeps, admin: { email: string; password: string }): Promise<boolean> {
  const [existing] = await deps.db
    .select()
    .from(members)
    .where(eq(members.email, normalizeEmail(admin.email)))
  if (existing?.status === 'PENDING') await resolveRegistration(deps, existing.id)
  if (existing) return existing.status !== 'PENDING'
  const meta = { now: new Date(), correlationId: crypto.randomUUID(), causationId: 'seed' }
  await registerMember(deps, { ...admin, name: 'Administrator', role: 'ADMIN' }, meta)
  return true
}

/**
 * Seeds the demo admin (role ADMIN, auth roles USER + ADMIN) through the same registration path as everyone;
 * idempotent. Retries with backoff while auth is unreachable or a stale registration is being settled.
 */
export async function seedAdmin(deps: SeedDeps, admin: { email: string; password: string }): Promise<void> {
  const deadline = Date.now() + patienceMs
  for (let waitMs = 250; ; waitMs = Math.min(waitMs * 2, 5_000)) {
    try {
      if (await seedOnce(deps, admin)) return
    } catch (error) {
      const retryable = error instanceof ServiceUnavailable || (error as { code?: string }).code === 'MEMBER-503-001'
      if (!retryable || Date.now() > deadline) throw error
      deps.logger.info('seed: auth not reachable yet', { waitMs })
    }
    if (Date.now() > deadline) throw new Error('seed: the admin registration did not settle in time')
    await Bun.sleep(waitMs)
  }
}
