import type { AnyTx, Db } from '@commerce/platform/db'
import { loginHistory } from '../db/schema'
import { loginAttempts } from './metrics'

/** The outcomes that count as a failed guess (a 401): throttled, locked and successful attempts do not. */
export const failureOutcomes = ['INVALID_CREDENTIALS', 'WITHDRAWN'] as const

/** How a login attempt ended, as login_history records it. */
export type LoginOutcome = 'SUCCESS' | 'INVALID_CREDENTIALS' | 'THROTTLED' | 'LOCKED' | 'WITHDRAWN'

/** Who tried to log in, from where. */
export interface LoginAttempt {
  email: string
  ip: string
  userAgent: string | null
}

/** Writes one login_history row (user id null when the email is unknown). */
export async function recordLogin(
  db: Db | AnyTx,
  attempt: LoginAttempt,
  result: { outcome: LoginOutcome; userId: number | null; at: Date },
) {
  await db.insert(loginHistory).values({
    userId: result.userId,
    email: attempt.email,
    ip: attempt.ip,
    userAgent: attempt.userAgent?.slice(0, 512) ?? null,
    outcome: result.outcome,
    failed: (failureOutcomes as readonly string[]).includes(result.outcome),
    at: result.at,
  })
  loginAttempts.inc({ outcome: result.outcome })
}
