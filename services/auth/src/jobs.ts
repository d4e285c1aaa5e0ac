import type { Db } from '@commerce/platform/db'
import type { JobDefinition } from '@commerce/platform/jobs'
import type { AuthConfig } from './config'
import { keyEncryptionKey } from './use-cases/key-sealing'
import { pruneSessions } from './use-cases/prune-sessions'
import { ensureSigner, rotateSigner } from './use-cases/signing-keys'

const dayMs = 86_400_000

/** Leased: replaces the signer once it is older than AUTH_KEY_ROTATION_DAYS (creates one if none exists). */
export const keyRotationJob = (deps: { db: Db; config: AuthConfig }): JobDefinition => ({
  name: 'auth-key-rotation',
  everyMs: deps.config.AUTH_KEY_JOB_EVERY_S * 1000,
  run: async () => {
    const kek = keyEncryptionKey(deps.config.AUTH_KEY_ENCRYPTION_KEY)
    await ensureSigner(deps.db, new Date(), kek)
    const olderThanMs = deps.config.AUTH_KEY_ROTATION_DAYS * dayMs
    const { rotated } = await rotateSigner(deps.db, { olderThanMs, kek }, new Date())
    return { rotated: rotated ? 1 : 0 }
  },
})

/** Leased: prunes expired refresh tokens and families, and login history older than its retention (90 days). */
export const pruneSessionsJob = (deps: { db: Db; config: AuthConfig }): JobDefinition => ({
  name: 'auth-prune-sessions',
  everyMs: deps.config.AUTH_PRUNE_EVERY_S * 1000,
  run: async ({ signal }) => {
    const now = new Date()
    const historyBefore = new Date(now.getTime() - deps.config.AUTH_LOGIN_HISTORY_RETENTION_DAYS * dayMs)
    return pruneSessions(deps.db, { historyBefore, signal }, now)
  },
})
