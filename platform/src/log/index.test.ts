import { describe, expect, test } from 'bun:test'
import { createLogger, type LogLevel } from './index'

/** Collects what `run` writes to stdout, one parsed JSON object per line; stdout is restored afterwards. */
function captureStdout(run: () => void): { lines: unknown[]; raw: string } {
  const chunks: string[] = []
  const original = process.stdout.write
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk))
    return true
  }) as typeof process.stdout.write
  try {
    run()
  } finally {
    process.stdout.write = original
  }
  const raw = chunks.join('')
  return {
    raw,
    lines: raw
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line)),
  }
}

const anyTime = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)

describe('createLogger', () => {
  test('when an entry is logged, then one JSON line carries level, msg, time, bound fields and the call fields', () => {
    const logger = createLogger({ service: 'order' })

    const { raw, lines } = captureStdout(() => logger.info('order placed', { orderId: 1042 }))

    expect({ newlines: raw.split('\n').length - 1, lines }).toEqual({
      newlines: 1,
      lines: [{ level: 'info', msg: 'order placed', time: anyTime, service: 'order', orderId: 1042 }],
    })
  })

  test('when a child logger is used, then its bindings are added to the parent ones', () => {
    const child = createLogger({ service: 'order' }).child({ requestId: 'req-1' })

    const { lines } = captureStdout(() => child.warn('slow query'))

    expect(lines).toEqual([{ level: 'warn', msg: 'slow query', time: anyTime, service: 'order', requestId: 'req-1' }])
  })

  test('when a field is an Error, then it is serialized with its name and message', () => {
    const logger = createLogger({})
    const error = new TypeError('boom')

    const { lines } = captureStdout(() => logger.error('handler failed', { error }))

    expect(lines).toEqual([
      {
        level: 'error',
        msg: 'handler failed',
        time: anyTime,
        error: { name: 'TypeError', message: 'boom', stack: expect.any(String) },
      },
    ])
  })

  test('when entries are below the level, then they are suppressed, also for child loggers', () => {
    const logger = createLogger({}, 'warn')

    const { lines } = captureStdout(() => {
      logger.debug('hidden')
      logger.info('hidden')
      logger.child({ part: 'relay' }).info('hidden')
      logger.warn('shown')
      logger.child({ part: 'relay' }).error('shown too')
    })

    expect(lines).toEqual([
      { level: 'warn', msg: 'shown', time: anyTime },
      { level: 'error', msg: 'shown too', time: anyTime, part: 'relay' },
    ])
  })

  test('when a field is a Drizzle query error, then its cause chain is kept and SQL params and values are not', () => {
    const capture = captured({ level: 'error' })
    const driver = Object.assign(new Error("Duplicate entry 'kim@example.com' for key 'users_email'"), {
      code: 'ER_DUP_ENTRY',
      errno: 1062,
      sql: "insert into users values ('kim@example.com', 'hunter2')",
    })
    const query = Object.assign(
      new Error(
        'Failed query: insert into `users` (`email`, `password`) values (?, ?)\nparams: kim@example.com,hunter2',
        {
          cause: driver,
        },
      ),
      { params: ['kim@example.com', 'hunter2'] },
    )

    capture.logger.error('request failed', { error: query })

    expect(capture.raw()).not.toContain('hunter2')
    expect(capture.raw()).not.toContain('kim@example.com')
    expect(capture.lines()[0]).toMatchObject({
      error: {
        name: 'Error',
        message: 'Failed query: insert into `users` (`email`, `password`) values (?, ?)\nparams: [REDACTED]',
        cause: {
          name: 'Error',
          code: 'ER_DUP_ENTRY',
          errno: 1062,
          message: "Duplicate entry '[REDACTED]' for key 'users_email'",
        },
      },
    })
  })

  test('when secrets or personal data are logged as fields or bindings, then they are redacted', () => {
    const capture = captured({ level: 'info' })

    capture.logger
      .child({ email: 'kim@example.com' })
      .info('login', { password: 'hunter2', headers: { authorization: 'Bearer abc', cookie: 'sid=1' }, userId: 7 })

    expect(capture.lines()).toEqual([
      {
        level: 'info',
        msg: 'login',
        time: anyTime,
        email: '[REDACTED]',
        password: '[REDACTED]',
        headers: { authorization: '[REDACTED]', cookie: '[REDACTED]' },
        userId: 7,
      },
    ])
  })

  test('when debug is off, then a debug call never reads its fields', () => {
    const capture = captured({ level: 'info' })
    let reads = 0
    const fields = {
      get expensive() {
        reads += 1
        return 'x'
      },
    }

    capture.logger.debug('hidden', fields)

    expect({ reads, lines: capture.lines().length, debug: capture.logger.isLevelEnabled('debug') }).toEqual({
      reads: 0,
      lines: 0,
      debug: false,
    })
  })
})

/** A logger writing to an in-memory stream. */
function captured(options: { level: LogLevel }) {
  const chunks: string[] = []
  const logger = createLogger({}, { ...options, destination: { write: (chunk: string) => void chunks.push(chunk) } })
  const raw = () => chunks.join('')
  const lines = () =>
    raw()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as unknown)
  return { logger, raw, lines }
}
