import { drizzle } from 'drizzle-orm/mysql2'
import { migrate } from 'drizzle-orm/mysql2/migrator'
import { createConnection } from 'mysql2/promise'

/**
 * Applies the service's drizzle-kit migrations at start. Replicas starting together take turns through a MariaDB
 * advisory lock (DDL is not transactional, so two migrators at once could both run a statement).
 */
export async function applyMigrations(options: { url: string; migrationsFolder: string; lockName: string }) {
  const connection = await createConnection({ uri: options.url, timezone: 'Z' })
  try {
    const [rows] = await connection.query('SELECT GET_LOCK(?, 120) AS got', [options.lockName])
    if ((rows as { got: number | null }[])[0]?.got !== 1)
      throw new Error(`migration lock ${options.lockName} not taken`)
    try {
      await migrate(drizzle({ client: connection }), { migrationsFolder: options.migrationsFolder })
    } finally {
      await connection.query('SELECT RELEASE_LOCK(?)', [options.lockName])
    }
  } finally {
    await connection.end()
  }
}
