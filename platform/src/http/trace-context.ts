// W3C Trace Context `traceparent`: version-traceid-parentid-flags, lowercase hex.
const traceparentPattern = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/
const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/

function randomHex(bytes: number): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('hex')
}

/** True for a well-formed `traceparent`; all-zero ids and version ff are invalid per the W3C spec. */
export function isValidTraceparent(value: string): boolean {
  const match = traceparentPattern.exec(value)
  if (!match) return false
  const [, version, traceId, parentId] = match
  return version !== 'ff' && !/^0+$/.test(traceId ?? '') && !/^0+$/.test(parentId ?? '')
}

/** A new sampled `traceparent` with a fresh trace id and span id. */
export function newTraceparent(): string {
  return `00-${randomHex(16)}-${randomHex(8)}-01`
}

/** The caller's `traceparent` when valid, else a new one (a broken header starts a new trace). */
export function acceptTraceparent(value: string | null): string {
  return value && isValidTraceparent(value) ? value : newTraceparent()
}

/** The caller's `X-Request-Id` when it is a short token, else a new UUIDv7; keeps junk out of logs and headers. */
export function acceptRequestId(value: string | null): string {
  return value && requestIdPattern.test(value) ? value : Bun.randomUUIDv7()
}
