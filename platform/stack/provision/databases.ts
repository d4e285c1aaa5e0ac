import type { Connection } from 'mysql2/promise'
import { CDC_USER, METRICS_USER, type ServiceDatabase, serviceUser } from './topology'

/**
 * Creates each database and its own user (limited to that database), the CDC user Debezium connects as and the
 * MySQL exporter's user.
 */
export async function createDatabasesAndUsers(root: Connection, databases: readonly ServiceDatabase[]): Promise<void> {
  for (const db of databases) {
    const { user, password } = serviceUser(db)
    await root.query(
      `CREATE DATABASE IF NOT EXISTS \`${db.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    )
    await root.query('CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ?', [user, '%', password])
    await root.query(`GRANT ALL PRIVILEGES ON \`${db.database}\`.* TO ?@?`, [user, '%'])
  }
  await root.query('CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ?', [CDC_USER.user, '%', CDC_USER.password])
  // SELECT/RELOAD/SHOW DATABASES serve snapshots; REPLICATION SLAVE/CLIENT read the binlog (Debezium MariaDB docs).
  await root.query('GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO ?@?', [
    CDC_USER.user,
    '%',
  ])
  await root.query('CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ? WITH MAX_USER_CONNECTIONS 3', [
    METRICS_USER.user,
    '%',
    METRICS_USER.password,
  ])
  // What mysqld_exporter's collectors read (its README): server status and variables, replication state and binlog
  // sizes, performance_schema; no service data.
  await root.query('GRANT PROCESS, REPLICATION CLIENT ON *.* TO ?@?', [METRICS_USER.user, '%'])
  await root.query('GRANT SELECT ON performance_schema.* TO ?@?', [METRICS_USER.user, '%'])
}
