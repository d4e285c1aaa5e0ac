import { describe, expect, test } from 'bun:test'
import { createConnection } from 'mysql2/promise'
import { testEnv } from '../../src/testing'
import { assertRowBinlog, binlogProblems } from '../../stack/provision/binlog'
import { startMariadbWithoutBinlog } from './throwaway-mariadb'

describe('binlog check before provisioning', () => {
  test('when the server has no row-based binlog, then provisioning refuses it and says what to change', async () => {
    await using server = await startMariadbWithoutBinlog()
    const connection = await createConnection({ uri: server.url })
    try {
      const refusal = await assertRowBinlog(connection, server.where).catch((e: unknown) => e)
      expect(refusal).toBeInstanceOf(Error)
      expect((refusal as Error).message).toContain(
        `MariaDB at ${server.where} cannot feed Debezium: log_bin is OFF, needs ON`,
      )
      expect((refusal as Error).message).toContain('binlog_format=ROW')
    } finally {
      await connection.end()
    }
  })

  test("when the server is the stack's own, then it has nothing to complain about", async () => {
    const connection = await createConnection({ uri: testEnv().mariadbAdminUrl })
    try {
      expect(await binlogProblems(connection)).toEqual([])
    } finally {
      await connection.end()
    }
  })
})
