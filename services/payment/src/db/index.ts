import type { Db, Tx } from '@commerce/platform/db'
import type * as schema from './schema'

/** The payment service's database and transaction handles. */
export type PaymentDb = Db<typeof schema>
export type PaymentTx = Tx<typeof schema>
