import { CommonErrors } from '../http/common-errors'

/** Resolves as `work` does, or rejects with 503 once `ms` passed: an operator's page never hangs on a stuck broker. */
export async function bounded<T>(work: Promise<T>, at: { ms: number; what: string }): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(CommonErrors.unavailable(`${at.what} did not answer within ${at.ms} ms`)), at.ms)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}
