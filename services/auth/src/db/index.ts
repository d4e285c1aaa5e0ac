import type { Db as PlatformDb, Tx as PlatformTx } from '@commerce/platform/db'
import type * as schema from './schema'

/** The auth database. */
export type Db = PlatformDb<typeof schema>
/** A transaction on the auth database, opened by an edge (route or consumer runner). */
export type Tx = PlatformTx<typeof schema>
