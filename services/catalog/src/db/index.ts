import type { Db, Tx } from '@commerce/platform/db'
import type * as schema from './schema'

/** The catalog service's database and transaction handles. */
export type CatalogDb = Db<typeof schema>
export type CatalogTx = Tx<typeof schema>
