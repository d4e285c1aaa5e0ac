import type { MySqlTransaction } from 'drizzle-orm/mysql-core'
import type { MySql2Database, MySql2PreparedQueryHKT, MySql2QueryResultHKT } from 'drizzle-orm/mysql2'

type Schema = Record<string, unknown>

/** A Drizzle database over a mysql2 pool. */
export type Db<S extends Schema = Schema> = MySql2Database<S>

/** The transaction handle a use case receives from its edge (route or consumer runner). */
export type Tx<S extends Schema = Schema> = Parameters<Parameters<Db<S>['transaction']>[0]>[0]

/** A transaction of any service's schema: what platform helpers (outbox, inbox) accept. */
// biome-ignore lint/suspicious/noExplicitAny: platform tables are the same in every service schema
export type AnyTx = MySqlTransaction<MySql2QueryResultHKT, MySql2PreparedQueryHKT, any, any>
