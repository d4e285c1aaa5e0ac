// W3C Trace Context `traceparent`: version-traceid-parentid-flags, lowercase hex.
const traceparentPattern = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/
const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/

const zeroTraceId = '0'.repeat(32)
const zeroParentId = '0'.repeat(16)

// Random bytes drawn from the CSPRNG in blocks (as uuid does) instead of two small draws and buffers per request.
const idBytes = 24
const pool = Buffer.alloc(idBytes * 256)
let poolOffset = pool.length

function nextIds(): { traceId: string; parentId: string } {
  if (poolOffset + idBytes > pool.length) {
    crypto.getRandomValues(pool)
    poolOffset = 0
  }
  const at = poolOffset
  poolOffset += idBytes
  const hex = pool.toString('hex', at, at + idBytes)
  return { traceId: hex.slice(0, 32), parentId: hex.slice(32) }
}

/** True for a well-formed `traceparent`; all-zero ids and version ff are invalid per the W3C spec. */
export function isValidTraceparent(value: string): boolean {
  const match = traceparentPattern.exec(value)
  if (!match) return false
  const [, version, traceId, parentId] = match
  return version !== 'ff' && traceId !== zeroTraceId && parentId !== zeroParentId
}

/** A new sampled `traceparent` with a fresh trace id and span id. */
export function newTraceparent(): string {
  let ids = nextIds()
  // All-zero ids are invalid (W3C); a 2^-64 chance, but a generated header must always be valid.
  while (ids.traceId === zeroTraceId || ids.parentId === zeroParentId) ids = nextIds()
  return `00-${ids.traceId}-${ids.parentId}-01`
}

/** The caller's `traceparent` when valid, else a new one (a broken header starts a new trace). */
export function acceptTraceparent(value: string | null): string {
  return value && isValidTraceparent(value) ? value : newTraceparent()
}

/** The caller's `X-Request-Id` when it is a short token, else a new UUIDv7; keeps junk out of logs and headers. */
export function acceptRequestId(value: string | null): string {
  return value && requestIdPattern.test(value) ? value : Bun.randomUUIDv7()
}
