import { bigint, boolean, datetime, index, mysqlTable, uniqueIndex, varbinary, varchar } from 'drizzle-orm/mysql-core'

export { idempotencyKeys, jobLeases, outbox, parkedEvents, processedEvents } from '@commerce/platform/db'

/**
 * A member. `email` is stored normalized (trimmed, lower-case) under a unique index: one member per address, whatever
 * the race. A registration in flight is PENDING, owned by whoever holds `registrationToken` (the request, or the
 * resolve job once `registrationClaimedAt` is older than the pending timeout); see the README's registration design.
 */
export const members = mysqlTable(
  'members',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    email: varchar('email', { length: 254 }).notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    phone: varchar('phone', { length: 20 }),
    role: varchar('role', { length: 10 }).notNull(),
    status: varchar('status', { length: 12 }).notNull(),
    registrationToken: varchar('registration_token', { length: 36 }),
    registrationClaimedAt: datetime('registration_claimed_at', { mode: 'date', fsp: 3 }),
    /** The Idempotency-Key of the registering request, so the resolve job can settle its stored answer too. */
    registrationKey: varbinary('registration_key', { length: 255 }),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull(),
    updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull(),
  },
  (t) => [
    uniqueIndex('members_email').on(t.email),
    index('members_status_claimed').on(t.status, t.registrationClaimedAt),
    index('members_created_at').on(t.createdAt),
  ],
)

/** A member's shipping address; soft-deleted (`deletedAt`), at most 10 live ones, exactly one default among them. */
export const addresses = mysqlTable(
  'addresses',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    memberId: bigint('member_id', { mode: 'number', unsigned: true }).notNull(),
    label: varchar('label', { length: 50 }).notNull(),
    recipient: varchar('recipient', { length: 50 }).notNull(),
    phone: varchar('phone', { length: 20 }).notNull(),
    zipCode: varchar('zip_code', { length: 10 }).notNull(),
    address: varchar('address', { length: 200 }).notNull(),
    addressDetail: varchar('address_detail', { length: 200 }).notNull(),
    isDefault: boolean('is_default').notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull(),
    updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull(),
    deletedAt: datetime('deleted_at', { mode: 'date', fsp: 3 }),
  },
  (t) => [index('addresses_member_live').on(t.memberId, t.deletedAt)],
)
