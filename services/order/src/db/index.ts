import type { Db, Tx } from '@commerce/platform/db'
import type * as schema from './schema'

/** The order service's database and transaction handles. */
export type OrderDb = Db<typeof schema>
export type OrderTx = Tx<typeof schema>
