import { isDuplicateKey } from '@commerce/platform/db'

/** Which unique index refused a write (`… for key 'name'` in the driver's message), or undefined. */
export function duplicateKeyName(error: unknown): string | undefined {
  if (!isDuplicateKey(error)) return undefined
  let current: unknown = error
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const message = (current as { sqlMessage?: unknown }).sqlMessage
    if (typeof message === 'string') return /for key '(?:[^'.]+\.)?([^']+)'/.exec(message)?.[1]
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}
