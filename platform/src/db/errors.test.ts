import { describe, expect, test } from 'bun:test'
import { isDuplicateKey, isTransientDbError } from './errors'

const driver = (code: string, errno: number) => Object.assign(new Error(`${code} from mysql2`), { code, errno })
// How Drizzle wraps driver errors: DrizzleQueryError with the driver error as `cause`.
const wrapped = (cause: unknown) => new Error('Failed query: insert into ...', { cause })

const duplicate = driver('ER_DUP_ENTRY', 1062)
const deadlock = driver('ER_LOCK_DEADLOCK', 1213)
const parseError = driver('ER_PARSE_ERROR', 1064)
const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })

describe('isDuplicateKey', () => {
  test('when the driver error is ER_DUP_ENTRY, bare or wrapped once or twice, then it is a duplicate key', () => {
    const verdicts = [
      isDuplicateKey({ code: 'ER_DUP_ENTRY', errno: 1062 }),
      isDuplicateKey(duplicate),
      isDuplicateKey(wrapped(duplicate)),
      isDuplicateKey(wrapped(wrapped(duplicate))),
    ]

    expect(verdicts).toEqual([true, true, true, true])
  })

  test('when the error is another driver error, a network error, a plain Error or not an object, then it is not', () => {
    const verdicts = [
      isDuplicateKey(wrapped(parseError)),
      isDuplicateKey(wrapped(reset)),
      isDuplicateKey(new Error('Duplicate entry')),
      isDuplicateKey({ code: 'ER_DUP_ENTRY' }),
      isDuplicateKey(undefined),
      isDuplicateKey('ER_DUP_ENTRY'),
    ]

    expect(verdicts).toEqual([false, false, false, false, false, false])
  })
})

describe('isTransientDbError', () => {
  test('when a deadlock or lock wait arrives bare or wrapped, then a retry can cure it', () => {
    const verdicts = [
      isTransientDbError({ code: 'ER_LOCK_DEADLOCK', errno: 1213 }),
      isTransientDbError(wrapped(deadlock)),
      isTransientDbError(wrapped(wrapped(driver('ER_LOCK_WAIT_TIMEOUT', 1205)))),
    ]

    expect(verdicts).toEqual([true, true, true])
  })

  test('when a statement meets a connection MariaDB dropped (mysql2 fatal, no code), bare or under a failed rollback, then a retry can cure it', () => {
    // What mysql2 answers a command on a dead connection (lib/base/connection.js _addCommandClosedState).
    const closed = Object.assign(new Error("Can't add new command when connection is in closed state"), { fatal: true })
    const verdicts = [
      isTransientDbError(closed),
      isTransientDbError(new Error('Failed query: rollback', { cause: closed })),
      isTransientDbError(wrapped(new Error('Failed query: rollback', { cause: closed }))),
      isTransientDbError(Object.assign(new Error('not fatal'), { fatal: false })),
    ]

    expect(verdicts).toEqual([true, true, true, false])
  })

  test('when a network error without errno arrives bare or wrapped, then a retry can cure it', () => {
    const verdicts = [
      isTransientDbError({ code: 'ECONNRESET' }),
      isTransientDbError(wrapped(reset)),
      isTransientDbError(wrapped(wrapped({ code: 'ECONNREFUSED' }))),
      isTransientDbError(wrapped(Object.assign(new Error('read ETIMEDOUT'), { code: 'ETIMEDOUT', errno: -110 }))),
    ]

    expect(verdicts).toEqual([true, true, true, true])
  })

  test('when the error is a syntax error, a duplicate key, a plain Error or nothing, then it is not transient', () => {
    const verdicts = [
      isTransientDbError(wrapped(parseError)),
      isTransientDbError(wrapped(wrapped(duplicate))),
      isTransientDbError(new Error('connection reset')),
      isTransientDbError(null),
    ]

    expect(verdicts).toEqual([false, false, false, false])
  })
})
