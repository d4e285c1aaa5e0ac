import type { Db, Tx } from '@commerce/platform/db'
import type * as schema from './schema'

/** The inventory service's database and transaction handles. */
export type InventoryDb = Db<typeof schema>
export type InventoryTx = Tx<typeof schema>
