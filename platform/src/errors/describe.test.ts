import { describe, expect, test } from 'bun:test'
import { describeError } from './describe'
import { transient } from './marked'

const drizzle = (cause: unknown) =>
  new Error('Failed query: insert into `users` (`email`, `name`) values (?, ?)\nparams: alice@example.com,Alice', {
    cause,
  })
const duplicate = Object.assign(new Error("Duplicate entry 'alice@example.com' for key 'users_email'"), {
  code: 'ER_DUP_ENTRY',
  errno: 1062,
})

describe('describeError', () => {
  test('when Drizzle wraps a driver error, then SQL parameters are cut and the driver message is replaced by its code', () => {
    expect(describeError(drizzle(duplicate))).toBe(
      'Error: Failed query: insert into `users` (`email`, `name`) values (?, ?) <- ER_DUP_ENTRY',
    )
  })

  test('when the error is marked, not an Error, or has no message, then it still reads as one line', () => {
    const lines = [
      describeError(transient(drizzle(duplicate))),
      describeError('plain text'),
      describeError(Object.assign(new Error(''), { name: 'Silent' })),
      describeError(new Error('two\nlines')),
    ]

    expect(lines).toEqual([
      'TransientError: marked transient <- Error: Failed query: insert into `users` (`email`, `name`) values (?, ?) <- ER_DUP_ENTRY',
      'plain text',
      'Silent',
      'Error: two lines',
    ])
  })

  test('when the message is very long, then the description stops at 500 characters', () => {
    const description = describeError(new Error('x'.repeat(2_000)))

    expect({ length: description.length, end: description.at(-1) }).toEqual({ length: 500, end: '…' })
  })
})
