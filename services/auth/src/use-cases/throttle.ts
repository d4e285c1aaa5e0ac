import type { Db } from '@commerce/platform/db'
import { and, desc, eq, gt, type SQL, sql } from 'drizzle-orm'
import { loginHistory } from '../db/schema'
import { retryAfterSeconds, type ThrottleLimit } from '../domain/throttle'

/** The login throttle's limits (env-configurable). */
export interface ThrottleLimits {
  perEmail: ThrottleLimit
  perAddress: ThrottleLimit
}

// Failures before the email's last success do not count against the account (a subquery: one round trip).
const afterLastSuccess = (email: string, windowStart: Date) =>
  sql`greatest(${windowStart}, coalesce((select max(s.at) from ${loginHistory} s where s.email = ${email} and s.failed = false and s.outcome = 'SUCCESS' and s.at > ${windowStart}), ${windowStart}))`

// The limit-th newest failure after `since` matching `who`; null when there are fewer (one indexed range read).
async function nthNewestFailure(db: Db, who: SQL | undefined, input: { since: Date | SQL; limit: number }) {
  const [row] = await db
    .select({ at: loginHistory.at })
    .from(loginHistory)
    .where(and(who, eq(loginHistory.failed, true), gt(loginHistory.at, input.since)))
    .orderBy(desc(loginHistory.at))
    .limit(1)
    .offset(input.limit - 1)
  return row?.at ?? null
}

/**
 * Seconds to wait when this email or address has too many recent failures, else null. Counted from login_history
 * before any hash is computed; failures before the email's last success do not count against the account.
 */
export async function throttledFor(db: Db, attempt: { email: string; ip: string }, limits: ThrottleLimits) {
  const now = new Date()
  const { perEmail, perAddress } = limits
  const emailSince = afterLastSuccess(attempt.email, new Date(now.getTime() - perEmail.windowMs))
  const [emailFailure, addressFailure] = await Promise.all([
    nthNewestFailure(db, eq(loginHistory.email, attempt.email), { since: emailSince, limit: perEmail.failures }),
    nthNewestFailure(db, eq(loginHistory.ip, attempt.ip), {
      since: new Date(now.getTime() - perAddress.windowMs),
      limit: perAddress.failures,
    }),
  ])
  const waits = [retryAfterSeconds(perEmail, emailFailure, now), retryAfterSeconds(perAddress, addressFailure, now)]
  const positive = waits.filter((w): w is number => w !== null)
  return positive.length > 0 ? Math.max(...positive) : null
}
