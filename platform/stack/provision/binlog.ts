import type { Connection } from 'mysql2/promise'

/** The server settings Debezium needs (SPEC §2); a server without them would take outbox rows and publish nothing. */
const required: Record<string, string> = { log_bin: 'ON', binlog_format: 'ROW', binlog_row_image: 'FULL' }

/** Lists what is wrong with the server's binlog settings; empty when Debezium can read it. */
export async function binlogProblems(connection: Connection): Promise<string[]> {
  const [rows] = await connection.query(
    "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('log_bin', 'binlog_format', 'binlog_row_image', 'server_id')",
  )
  const vars = new Map((rows as { Variable_name: string; Value: string }[]).map((r) => [r.Variable_name, r.Value]))
  const problems = Object.entries(required)
    .filter(([name, want]) => vars.get(name)?.toUpperCase() !== want)
    .map(([name, want]) => `${name} is ${vars.get(name) ?? 'unset'}, needs ${want}`)
  if (Number(vars.get('server_id') ?? 0) === 0) problems.push('server_id is 0, needs a non-zero id')
  return problems
}

/** Refuses a server without row-based binlog, with a message that says what to change. */
export async function assertRowBinlog(connection: Connection, where: string): Promise<void> {
  const problems = await binlogProblems(connection)
  if (problems.length === 0) return
  throw new Error(
    `MariaDB at ${where} cannot feed Debezium: ${problems.join('; ')}.\n` +
      'Start it with log_bin, binlog_format=ROW, binlog_row_image=FULL and a server_id ' +
      '(the stack runs its own instance with these settings: platform/stack/conf/my.cnf).',
  )
}
