import { describe, expect, test } from 'bun:test'
import { fromDbError } from './db-errors'

const driverError = (code: string, errno: number) => Object.assign(new Error(code), { code, errno, sqlState: '40001' })

describe('fromDbError', () => {
  test('when a deadlock or lock wait reaches the edge, then 503 COMMON-503 (send again), never a 500', () => {
    const deadlock = fromDbError(new Error('Failed query', { cause: driverError('ER_LOCK_DEADLOCK', 1213) }))
    const lockWait = fromDbError(driverError('ER_LOCK_WAIT_TIMEOUT', 1205))
    expect([deadlock?.code, deadlock?.status, lockWait?.code]).toEqual(['COMMON-503', 503, 'COMMON-503'])
  })

  test('when a duplicate key or a too-long value reaches the edge, then 409 / 400 as before', () => {
    const duplicate = fromDbError(driverError('ER_DUP_ENTRY', 1062))
    const tooLong = fromDbError(driverError('ER_DATA_TOO_LONG', 1406))
    expect([duplicate?.status, tooLong?.status]).toEqual([409, 400])
  })
})
