import { ElysiaCustomStatusResponse, StatusMap } from 'elysia'

/**
 * The numeric status a handler's result will be sent with: `status(201, …)` and `Response` carry their own,
 * otherwise `set.status`, which Elysia also allows as a name ('Created').
 */
export function statusCodeOf(result: unknown, setStatus: number | string | undefined): number {
  if (result instanceof ElysiaCustomStatusResponse) return Number(result.code)
  if (result instanceof Response) return result.status
  if (typeof setStatus === 'number') return setStatus
  return (setStatus && (StatusMap as Record<string, number>)[setStatus]) || 200
}

/** The body part of a handler's result (unwraps `status(code, body)`). */
export function bodyOf(result: unknown): unknown {
  return result instanceof ElysiaCustomStatusResponse ? result.response : result
}
