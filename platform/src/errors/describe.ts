const MAX_LENGTH = 500

type Fields = { name?: unknown; message?: unknown; code?: unknown; errno?: unknown; cause?: unknown }

// Drizzle: `Failed query: <sql>\nparams: <values>`; the values are user data (emails, names, amounts).
const PARAMS = /\n\s*params:[\s\S]*$/

/** The error text without Drizzle's `params: …` tail (user data); `marker` stands where it was, if given. */
export function withoutSqlParams(text: string, marker = ''): string {
  return text.replace(PARAMS, marker)
}

function isDriverError(link: Fields): boolean {
  return typeof link.code === 'string' && typeof link.errno === 'number'
}

function describeLink(link: unknown): string {
  if (link === null || typeof link !== 'object') return String(link).slice(0, 100)
  const fields = link as Fields
  // A driver's message quotes the offending value (`Duplicate entry 'alice@…' for key …`): its code says enough.
  if (isDriverError(fields)) return String(fields.code)
  const name = typeof fields.name === 'string' ? fields.name : 'Error'
  const message = typeof fields.message === 'string' ? withoutSqlParams(fields.message) : ''
  return message === '' ? name : `${name}: ${message}`
}

/**
 * One line that says what failed without carrying data: name and message of each error in the `cause` chain, with
 * SQL parameters cut and driver messages replaced by their code, at most 500 characters. For DLQ headers and logs.
 */
export function describeError(error: unknown): string {
  const parts: string[] = []
  let current: unknown = error
  for (let depth = 0; depth < 5 && current !== undefined; depth++) {
    parts.push(describeLink(current))
    current = current !== null && typeof current === 'object' ? (current as Fields).cause : undefined
  }
  const line = parts.join(' <- ').replace(/\s+/g, ' ')
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 1)}…` : line
}
