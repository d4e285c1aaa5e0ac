import { describe, expect, test } from 'bun:test'
import { classifyError } from './classify'
import { permanent, transient } from './marked'

const coded = (code: string, message = code) => Object.assign(new Error(message), { code })
const named = (name: string, message = name) => Object.assign(new Error(message), { name })
// How Drizzle and our own clients wrap what they caught.
const wrapped = (cause: unknown) => new Error('Failed query: select 1\nparams: ', { cause })

describe('classifyError', () => {
  test('when a DB, network, timeout, Redis or 5xx failure arrives bare or deep in the cause chain, then it is transient', () => {
    const failures = [
      wrapped(Object.assign(new Error('Lock wait timeout'), { code: 'ER_LOCK_WAIT_TIMEOUT', errno: 1205 })),
      wrapped(wrapped(coded('ECONNRESET'))),
      coded('EPIPE'),
      wrapped(coded('EAI_AGAIN')),
      wrapped(coded('ENOTFOUND', 'getaddrinfo ENOTFOUND pg.example')),
      coded('ETIMEDOUT'),
      named('TimeoutError', 'The operation timed out.'),
      wrapped(named('AbortError', 'The operation was aborted.')),
      new Error('Connection is closed.'),
      wrapped(named('MaxRetriesPerRequestError', 'Reached the max retries per request limit (which is 1).')),
      Object.assign(new Error('pg answered 503'), { status: 503 }),
      Object.assign(new Error('too many'), { statusCode: 429 }),
    ]

    expect(failures.map(classifyError)).toEqual(failures.map(() => 'transient'))
  })

  test('when the error is unknown, a 4xx, a duplicate key or not an Error, then it is permanent (dead-lettered)', () => {
    const failures = [
      new Error('something nobody classified'),
      new TypeError('undefined is not a function'),
      Object.assign(new Error('pg answered 400'), { status: 400 }),
      wrapped(Object.assign(new Error('Duplicate entry'), { code: 'ER_DUP_ENTRY', errno: 1062 })),
      'a string',
      undefined,
    ]

    expect(failures.map(classifyError)).toEqual(failures.map(() => 'permanent'))
  })

  test('when a handler marks an error, then the mark nearest the top of the chain wins over the built-in rules', () => {
    const verdicts = [
      classifyError(transient(new Error('the gateway asked us to come back'))),
      classifyError(permanent(coded('ECONNREFUSED'))),
      classifyError(wrapped(permanent(transient(new Error('inner'))))),
      classifyError(wrapped(transient(new RangeError('bug, but marked')))),
    ]

    expect(verdicts).toEqual(['transient', 'permanent', 'permanent', 'transient'])
  })
})
