type Level = 'debug' | 'info' | 'warn' | 'error'
type Fields = Record<string, unknown>

const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 }

/** Structured JSON logger: one line per entry, bound fields (service, requestId, correlationId…) on every line. */
export interface Logger {
  debug(msg: string, fields?: Fields): void
  info(msg: string, fields?: Fields): void
  warn(msg: string, fields?: Fields): void
  error(msg: string, fields?: Fields): void
  child(bindings: Fields): Logger
}

function serialize(fields: Fields): Fields {
  const out: Fields = {}
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value
  }
  return out
}

/** Creates a logger writing JSON lines to stdout at `level` and above. */
export function createLogger(bindings: Fields = {}, level: Level = 'info'): Logger {
  const write = (lvl: Level, msg: string, fields?: Fields) => {
    if (order[lvl] < order[level]) return
    const line = { level: lvl, time: new Date().toISOString(), msg, ...bindings, ...(fields ? serialize(fields) : {}) }
    process.stdout.write(`${JSON.stringify(line)}\n`)
  }
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (more) => createLogger({ ...bindings, ...more }, level),
  }
}

export type { Level as LogLevel }
