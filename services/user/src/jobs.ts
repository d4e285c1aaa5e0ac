import { describeError } from '@commerce/platform/errors'
import type { JobDefinition } from '@commerce/platform/jobs'
import { type ResolveDeps, resolveRegistration, stalePendingMembers } from './use-cases/resolve-pending-registrations'

const batch = 100

/**
 * Leased (one replica at a time): settles registrations their request could not finish (crash, auth outage, a request
 * that outlived the pending timeout). A member that cannot be settled now (auth still down) waits for the next run.
 */
export const resolvePendingRegistrationsJob = (deps: ResolveDeps & { everyMs: number }): JobDefinition => ({
  name: 'user-resolve-pending-registrations',
  everyMs: deps.everyMs,
  // Short: a replica killed mid-run must not hold registrations up for long.
  lease: { ms: 15_000 },
  run: async ({ signal, logger }) => {
    const summary = { completed: 0, deleted: 0, skipped: 0, failed: 0 }
    for (const memberId of await stalePendingMembers(deps, batch)) {
      if (signal.aborted) break
      try {
        summary[await resolveRegistration(deps, memberId)] += 1
      } catch (error) {
        summary.failed += 1
        logger.warn('pending registration not resolved yet', { memberId, error: describeError(error) })
      }
    }
    return summary
  },
})
