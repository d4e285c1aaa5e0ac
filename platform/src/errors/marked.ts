/**
 * Marks a failure a retry can cure (a dependency that is down, busy or slow): the consumer runner retries the record in
 * place with backoff and never dead-letters it. Wrap the original error as `cause`.
 */
export class TransientError extends Error {
  override name = 'TransientError'
}

/**
 * Marks a failure no retry can cure (a bug, a broken input, a refused request): the consumer runner dead-letters the
 * record at once (`dlq-reason: handler-error`). Wrap the original error as `cause`.
 */
export class PermanentError extends Error {
  override name = 'PermanentError'
}

/** Wraps `error` as transient: `throw transient(error)` in a handler or client makes the runner retry in place. */
export function transient(error: unknown): TransientError {
  // A fixed message: the cause's own may carry data (SQL parameters, a duplicate value), describeError reads it safely.
  return new TransientError('marked transient', { cause: error })
}

/** Wraps `error` as permanent: `throw permanent(error)` makes the runner dead-letter at once, even for a network error. */
export function permanent(error: unknown): PermanentError {
  return new PermanentError('marked permanent', { cause: error })
}
