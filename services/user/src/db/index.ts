import type { Db, Tx } from '@commerce/platform/db'
import type * as schema from './schema'

/** The user service's database and transaction handles. */
export type UserDb = Db<typeof schema>
export type UserTx = Tx<typeof schema>
