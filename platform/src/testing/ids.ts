let counter = 0

/** A string unique to this test run and call: for group ids, idempotency keys, names. */
export function freshName(prefix: string): string {
  counter += 1
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`
}

/** A positive integer unique across concurrent test processes for practical purposes (time-based, per call). */
export function freshId(): number {
  counter += 1
  return Date.now() * 1000 + ((process.pid * 31 + counter) % 1000)
}
