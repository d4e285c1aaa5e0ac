import {
  bigint,
  boolean,
  char,
  datetime,
  index,
  mysqlTable,
  text,
  tinyint,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core'

export { idempotencyKeys, jobLeases, outbox, parkedEvents, processedEvents } from '@commerce/platform/db'

/** One credential per member (user service's id); the email is unique here, normalized (trim + lowercase). */
export const credentials = mysqlTable(
  'credentials',
  {
    userId: bigint('user_id', { mode: 'number', unsigned: true }).primaryKey(),
    email: varchar('email', { length: 254 }).notNull(),
    passwordHash: varchar('password_hash', { length: 255 }).notNull(),
    /** Comma-separated subset of USER, ADMIN. */
    roles: varchar('roles', { length: 32 }).notNull(),
    /** ACTIVE | LOCKED | WITHDRAWN */
    status: varchar('status', { length: 16 }).notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull(),
    updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull(),
  },
  (t) => [uniqueIndex('credentials_email').on(t.email)],
)

/** A user id whose registration was undone: a late create for it is refused forever. */
export const credentialTombstones = mysqlTable('credential_tombstones', {
  userId: bigint('user_id', { mode: 'number', unsigned: true }).primaryKey(),
  createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull(),
})

/** One family per login; every refresh token of that login belongs to it, and revoking it ends them all. */
export const refreshFamilies = mysqlTable(
  'refresh_families',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    userId: bigint('user_id', { mode: 'number', unsigned: true }).notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull(),
    /** The newest token's expiry: the family is dead (and prunable) after it. */
    expiresAt: datetime('expires_at', { mode: 'date', fsp: 3 }).notNull(),
    revokedAt: datetime('revoked_at', { mode: 'date', fsp: 3 }),
    /** LOGOUT | REPLAYED | WITHDRAWN | LOCKED | CANCELLED */
    revokeReason: varchar('revoke_reason', { length: 16 }),
  },
  (t) => [index('refresh_families_user').on(t.userId), index('refresh_families_expires').on(t.expiresAt)],
)

/** Opaque refresh tokens, stored only as their SHA-256. */
export const refreshTokens = mysqlTable(
  'refresh_tokens',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tokenHash: char('token_hash', { length: 64 }).notNull(),
    familyId: bigint('family_id', { mode: 'number', unsigned: true }).notNull(),
    /** ACTIVE | ROTATED */
    status: varchar('status', { length: 16 }).notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull(),
    expiresAt: datetime('expires_at', { mode: 'date', fsp: 3 }).notNull(),
  },
  (t) => [
    uniqueIndex('refresh_tokens_hash').on(t.tokenHash),
    index('refresh_tokens_family').on(t.familyId),
    index('refresh_tokens_expires').on(t.expiresAt),
  ],
)

/** Every login attempt; the throttle counts failures from here. */
export const loginHistory = mysqlTable(
  'login_history',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    userId: bigint('user_id', { mode: 'number', unsigned: true }),
    email: varchar('email', { length: 254 }).notNull(),
    ip: varchar('ip', { length: 45 }).notNull(),
    userAgent: varchar('user_agent', { length: 512 }),
    /** SUCCESS | INVALID_CREDENTIALS | THROTTLED | LOCKED | WITHDRAWN */
    outcome: varchar('outcome', { length: 24 }).notNull(),
    /** The attempt was a failed guess (INVALID_CREDENTIALS, WITHDRAWN): what the throttle counts. */
    failed: boolean('failed').notNull().default(false),
    at: datetime('at', { mode: 'date', fsp: 3 }).notNull(),
  },
  // (email, at) and (ip, at) with the failure flag between: the throttle's "limit-th newest failure" reads at most
  // `limit` index entries, however many successful logins share the address (a NAT, a busy office).
  (t) => [
    index('login_history_email_failed_at').on(t.email, t.failed, t.at),
    index('login_history_ip_failed_at').on(t.ip, t.failed, t.at),
  ],
)

/**
 * Ed25519 signing keys. `signer` is 1 on the one key that signs and NULL on retired ones: its unique index makes
 * "create a signer when none exists" and "rotate" safe with several replicas (the loser's insert fails).
 */
export const signingKeys = mysqlTable(
  'signing_keys',
  {
    kid: varchar('kid', { length: 64 }).primaryKey(),
    alg: varchar('alg', { length: 16 }).notNull(),
    publicJwk: text('public_jwk').notNull(),
    // Plain in the database for this project; production keeps it in a KMS or secret store (README).
    privateJwk: text('private_jwk').notNull(),
    signer: tinyint('signer', { unsigned: true }),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull(),
    retiredAt: datetime('retired_at', { mode: 'date', fsp: 3 }),
  },
  (t) => [uniqueIndex('signing_keys_signer').on(t.signer)],
)
