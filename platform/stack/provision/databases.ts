import type { Connection } from 'mysql2/promise'
import { type DatabaseLogins, DEV_LOGINS, type Login, type ServiceDatabase } from './topology'

/**
 * A user with this password: created, or — when it exists — given the password, so re-running provisioning after a
 * Secret changed rotates it.
 */
async function ensureUser(root: Connection, login: Login, options = ''): Promise<void> {
  await root.query(`CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ? ${options}`, [login.user, '%', login.password])
  await root.query('ALTER USER ?@? IDENTIFIED BY ?', [login.user, '%', login.password])
}

/**
 * Creates each database and its own user (limited to that database), the CDC user Debezium connects as and the
 * MySQL exporter's user.
 */
export async function createDatabasesAndUsers(
  root: Connection,
  databases: readonly ServiceDatabase[],
  logins: DatabaseLogins = DEV_LOGINS,
): Promise<void> {
  for (const db of databases) {
    const login = logins.service(db)
    await root.query(
      `CREATE DATABASE IF NOT EXISTS \`${db.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    )
    await ensureUser(root, login)
    await root.query(`GRANT ALL PRIVILEGES ON \`${db.database}\`.* TO ?@?`, [login.user, '%'])
  }
  const { cdc, metrics } = logins
  await ensureUser(root, cdc)
  // SELECT/RELOAD/SHOW DATABASES serve snapshots; REPLICATION SLAVE/CLIENT read the binlog (Debezium MariaDB docs).
  await root.query('GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO ?@?', [
    cdc.user,
    '%',
  ])
  await ensureUser(root, metrics, 'WITH MAX_USER_CONNECTIONS 3')
  // What mysqld_exporter's collectors read (its README): server status and variables, replication state and binlog
  // sizes, performance_schema; no service data.
  await root.query('GRANT PROCESS, REPLICATION CLIENT ON *.* TO ?@?', [metrics.user, '%'])
  await root.query('GRANT SELECT ON performance_schema.* TO ?@?', [metrics.user, '%'])
}
