import {
  ElysiaCustomStatusResponse,
  InvalidCookieSignature,
  InvalidFileType,
  NotFoundError,
  ParseError,
  ValidationError,
} from 'elysia'
import { AppError } from './app-error'
import { CommonErrors } from './common-errors'
import { fromDbError } from './db-errors'
import { fieldErrorsOf, type RequestInputs } from './field-errors'

// `throw status(401, 'why')` from a handler: keep its status, never its internals when it is a 5xx.
function fromThrownStatus(thrown: ElysiaCustomStatusResponse<number>): AppError {
  const status = Number(thrown.code)
  if (status === 503) return CommonErrors.unavailable()
  if (!(status >= 400 && status < 500)) return CommonErrors.internal({ cause: thrown })
  const message = typeof thrown.response === 'string' && thrown.response ? thrown.response : 'Request failed'
  return new AppError(`COMMON-${status}`, message)
}

/**
 * Maps anything thrown during a request to an AppError, by class (`instanceof`), never by Elysia's `code`.
 * Database errors a caller's input caused are 409/400 (`fromDbError`); unknown errors become COMMON-500 with the original kept only as `cause`, for the log.
 */
export function toAppError(error: unknown, inputs: RequestInputs = {}): AppError {
  if (error instanceof AppError) return error
  if (error instanceof ValidationError) {
    // A handler returning the wrong shape is our bug, not the caller's.
    if (error.type === 'response') return CommonErrors.internal({ cause: error })
    return CommonErrors.validation(fieldErrorsOf(error, inputs))
  }
  if (error instanceof ParseError) {
    // Elysia wraps what a parse hook throws (json-body.ts) in its ParseError: the hook's own answer wins.
    if (error.cause instanceof AppError) return error.cause
    return CommonErrors.malformedJson({ details: 'Invalid request body' })
  }
  if (error instanceof NotFoundError) return CommonErrors.notFound('No route matches this path')
  if (error instanceof InvalidCookieSignature) return CommonErrors.badRequest('Invalid cookie signature')
  if (error instanceof InvalidFileType) return CommonErrors.badRequest('Invalid file type')
  if (error instanceof ElysiaCustomStatusResponse) return fromThrownStatus(error)
  return fromDbError(error) ?? CommonErrors.internal({ cause: error })
}
