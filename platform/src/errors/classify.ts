import { isTransientDbError } from '../db/errors'
import { PermanentError, TransientError } from './marked'

/** What a retry can do for a failure: `transient` = retry in place, `permanent` = give up on this input now. */
export type ErrorClass = 'transient' | 'permanent'

type Fields = { name?: unknown; code?: unknown; message?: unknown; status?: unknown; statusCode?: unknown }

// Node, Bun and undici network failures: the peer is unreachable, went away or did not answer in time.
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ConnectionRefused',
  'ConnectionClosed',
  'FailedToOpenSocket',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
])
const timeoutNames = new Set(['AbortError', 'TimeoutError'])
// ioredis: the connection dropped or the command gave up waiting for one.
const redisNames = new Set(['MaxRetriesPerRequestError'])
const redisMessages = ['Connection is closed.', "Stream isn't writeable", 'LOADING ', 'READONLY ', 'TRYAGAIN ']

function isTransientLink(link: Fields): boolean {
  if (typeof link.code === 'string' && networkCodes.has(link.code)) return true
  if (typeof link.name === 'string' && (timeoutNames.has(link.name) || redisNames.has(link.name))) return true
  if (typeof link.message === 'string' && redisMessages.some((m) => String(link.message).startsWith(m))) return true
  // A called service answered 5xx (or asked us to come back later with 429): its problem, not this input's.
  const status = typeof link.status === 'number' ? link.status : link.statusCode
  return typeof status === 'number' && (status >= 500 || status === 429)
}

function chainOf(error: unknown): Fields[] {
  const chain: Fields[] = []
  let current: unknown = error
  for (let depth = 0; depth < 8 && current !== null && typeof current === 'object'; depth++) {
    chain.push(current as Fields)
    current = (current as { cause?: unknown }).cause
  }
  return chain
}

/**
 * Classifies a failure for the consumer runner (and any client that retries). An explicit `TransientError` /
 * `PermanentError` nearest the top of the `cause` chain wins; otherwise known infrastructure failures anywhere in the
 * chain are transient: transient DB errors (deadlock, lock wait, lost connection), network errors (ECONNREFUSED,
 * ECONNRESET, EPIPE, EAI_AGAIN, ENOTFOUND, ETIMEDOUT…), timeouts (AbortError, TimeoutError), Redis connection errors
 * and an HTTP 5xx/429 (`status` or `statusCode`). **Anything else is permanent**: a blocked partition stops every saga on
 * it, while a dead letter can be replayed once the bug is fixed.
 */
export function classifyError(error: unknown): ErrorClass {
  const chain = chainOf(error)
  for (const link of chain) {
    if (link instanceof TransientError) return 'transient'
    if (link instanceof PermanentError) return 'permanent'
  }
  if (isTransientDbError(error) || chain.some(isTransientLink)) return 'transient'
  return 'permanent'
}

/** `classifyError(error) === 'transient'`. */
export const isTransient = (error: unknown): boolean => classifyError(error) === 'transient'
