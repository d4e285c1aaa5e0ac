import { type DestinationStream, type Logger as PinoLogger, pino } from 'pino'
import { serializeError } from './serialize-error'

type Level = 'debug' | 'info' | 'warn' | 'error'
type Fields = Record<string, unknown>

/** Structured JSON logger: one line per entry, bound fields (service, requestId, correlationId…) on every line. */
export interface Logger {
  debug(msg: string, fields?: Fields): void
  info(msg: string, fields?: Fields): void
  warn(msg: string, fields?: Fields): void
  error(msg: string, fields?: Fields): void
  child(bindings: Fields): Logger
  /** True when `level` would be written: check it before building costly fields. */
  isLevelEnabled(level: Level): boolean
}

/** Where and from which level a logger writes; `destination` defaults to stdout (tests pass a capturing stream). */
export interface LoggerOptions {
  level?: Level
  destination?: DestinationStream
}

// Secrets and personal data: redacted wherever they appear as a field, up to two levels down.
const sensitiveKeys = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'cookie',
  'set-cookie',
  'secret',
  'apiKey',
  'email',
  'phone',
  'card',
  'cardNumber',
  'cvc',
]
const redactPaths = sensitiveKeys.flatMap((key) => {
  const quoted = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`
  const nested = quoted.startsWith('[') ? quoted : `.${quoted}`
  return [quoted, `*${nested}`, `*.*${nested}`]
})

// Errors anywhere at the top level of the fields go through one serializer: causes kept, SQL params never.
function prepare(fields: Fields): Fields {
  let out: Fields | undefined
  for (const key in fields) {
    const value = fields[key]
    if (value instanceof Error) {
      out ??= { ...fields }
      out[key] = serializeError(value)
    }
  }
  return out ?? fields
}

function wrap(logger: PinoLogger): Logger {
  const write = (level: Level) => (msg: string, fields?: Fields) => {
    // Bail out before touching the fields: a disabled debug line costs one comparison.
    if (!logger.isLevelEnabled(level)) return
    if (fields) logger[level](prepare(fields), msg)
    else logger[level](msg)
  }
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (bindings) => wrap(logger.child(prepare(bindings))),
    isLevelEnabled: (level) => logger.isLevelEnabled(level),
  }
}

/**
 * Creates a pino-backed logger writing JSON lines (`level`, `time`, `msg`, bindings, fields) at `level` and above
 * (info by default; services pass `config.LOG_LEVEL`). Secrets and personal data are redacted.
 */
export function createLogger(bindings: Fields = {}, options: Level | LoggerOptions = {}): Logger {
  const { level = 'info', destination = process.stdout } = typeof options === 'string' ? { level: options } : options
  const logger = pino(
    {
      level,
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths, censor: '[REDACTED]' },
    },
    destination,
  )
  return wrap(Object.keys(bindings).length > 0 ? logger.child(prepare(bindings)) : logger)
}

export { type SerializedError, scrub, serializeError } from './serialize-error'
export type { Level as LogLevel }
