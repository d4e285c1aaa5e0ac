import type { Db } from '@commerce/platform/db'
import type { CredentialStatus } from '../domain/credential'
import { rolesFromColumn } from '../domain/credential'
import { AuthErrors } from '../domain/errors'
import { type AccessTokenSettings, signAccessToken } from './access-token'
import { findCredentialByEmail } from './credentials'
import { verifyAgainstDummy, verifyPassword } from './password'
import { type LoginAttempt, type LoginOutcome, recordLogin } from './record-login'
import { currentSigner } from './signing-keys'
import { startSession } from './start-session'
import { type ThrottleLimits, throttledFor } from './throttle'

/** What login needs besides the attempt: the database, token settings and throttle limits. */
export interface SessionDeps {
  db: Db
  token: AccessTokenSettings
  refreshTtlMs: number
  limits: ThrottleLimits
}

/** A new token pair. */
export interface TokenPair {
  accessToken: string
  refreshToken: string
  expiresIn: number
}

const refusals: Partial<Record<CredentialStatus, LoginOutcome>> = { WITHDRAWN: 'WITHDRAWN', LOCKED: 'LOCKED' }

/**
 * Logs in: throttle (from login_history, before any hash), credential lookup, password verify (against a dummy hash
 * when the email is unknown), status, then a refresh family, a SUCCESS row and a signed access token. Every attempt
 * leaves a login_history row; no hash runs inside a transaction.
 */
export async function logIn(deps: SessionDeps, input: LoginAttempt & { password: string }): Promise<TokenPair> {
  const { db } = deps
  const { password, ...attempt } = input
  const retryAfterS = await throttledFor(db, attempt, deps.limits)
  if (retryAfterS !== null) {
    await recordLogin(db, attempt, { outcome: 'THROTTLED', userId: null, at: new Date() })
    throw AuthErrors.throttled(retryAfterS)
  }
  const credential = await findCredentialByEmail(db, attempt.email)
  const verified = credential
    ? await verifyPassword(password, credential.passwordHash)
    : await verifyAgainstDummy(password)
  const userId = credential?.userId ?? null
  if (!credential || !verified) {
    await recordLogin(db, attempt, { outcome: 'INVALID_CREDENTIALS', userId, at: new Date() })
    throw AuthErrors.invalidCredentials()
  }
  const refusal = refusals[credential.status as CredentialStatus]
  if (refusal) {
    await recordLogin(db, attempt, { outcome: refusal, userId, at: new Date() })
    throw refusal === 'LOCKED' ? AuthErrors.locked() : AuthErrors.invalidCredentials()
  }
  const now = new Date()
  const sessionInput = { userId: credential.userId, attempt, refreshTtlMs: deps.refreshTtlMs }
  const refreshToken = await db.transaction((tx) => startSession(tx, sessionInput, now))
  const claims = { userId: credential.userId, email: credential.email, roles: rolesFromColumn(credential.roles) }
  const accessToken = await signAccessToken(await currentSigner(db, deps.token.kek), claims, deps.token)
  return { accessToken, refreshToken, expiresIn: deps.token.ttlS }
}
