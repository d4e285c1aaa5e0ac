import { ApiError, type ApiErrorBody, type ApiResult, errorBodyOf } from './errors'

/** What an Eden Treaty call resolves to, as far as these helpers need it. */
export interface TreatyAnswer {
  data: unknown
  error: unknown
  status: number
}

/** The `data` of a success envelope; anything else a route's type admits (a replayed raw Response, an error body) drops out. */
export type EnvelopeData<T> = T extends { success: true; data: infer D }
  ? D
  : T extends { success: true }
    ? undefined
    : never

/** The envelope's `data` of a call's success (`undefined` for an operation that answers `{ success: true }`). */
export type DataOf<A extends TreatyAnswer> = EnvelopeData<NonNullable<A['data']>>

/** A call's answer as a typed result: `{ ok: true, data }` or `{ ok: false, status, error: { code, message, … } }`. */
export async function result<A extends TreatyAnswer>(call: Promise<A>): Promise<ApiResult<DataOf<A>>> {
  const answer = await call
  if (answer.error === null || answer.error === undefined) {
    const body = answer.data as { data?: DataOf<A> } | null
    return { ok: true, status: answer.status, data: body?.data as DataOf<A> }
  }
  const value = (answer.error as { value?: unknown }).value
  return { ok: false, status: answer.status, error: errorBodyOf(value, answer.status) }
}

/** A call's envelope `data`, or an `ApiError` (status, code, message, fieldErrors) thrown for a refusal. */
export async function unwrap<A extends TreatyAnswer>(call: Promise<A>): Promise<DataOf<A>> {
  const answered = await result(call)
  if (!answered.ok) throw new ApiError(answered.status, answered.error)
  return answered.data
}

/** The error of a result, typed, or `undefined` for a success (handy in tests and `if`s). */
export const errorOf = <T>(answered: ApiResult<T>): ApiErrorBody | undefined =>
  answered.ok ? undefined : answered.error
