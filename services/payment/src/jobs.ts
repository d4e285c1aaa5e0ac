import type { JobDefinition } from '@commerce/platform/jobs'
import type { PgDeps } from './use-cases/deps'
import { expireDue } from './use-cases/expire-payments'
import { settlePending } from './use-cases/settle'

/**
 * Payment's leased jobs (one replica at a time; each change is also guarded by the payment's row lock, so two runs at
 * once still act once): the payment window expiry, and the settle job that resolves unknown confirm outcomes and
 * works refunds due.
 */
export const paymentJobs = (
  deps: PgDeps & { expiryEveryMs: number; settleEveryMs: number; settleAfterMs: number },
): JobDefinition[] => [
  { name: 'payment-window-expiry', everyMs: deps.expiryEveryMs, run: ({ signal }) => expireDue(deps.db, signal) },
  {
    name: 'payment-settle',
    everyMs: deps.settleEveryMs,
    run: ({ signal }) => settlePending({ ...deps, afterMs: deps.settleAfterMs }, signal),
  },
]
