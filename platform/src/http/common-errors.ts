import { AppError, type AppErrorOptions, type FieldError } from './app-error'

type Options = Omit<AppErrorOptions, 'fieldErrors'>

/** Closed table of the codes every service shares; areas define their own tables the same way. */
export const CommonErrors = {
  badRequest: (message = 'Bad request', options?: Options) => new AppError('COMMON-400', message, options),
  malformedJson: (options?: Options) => new AppError('COMMON-400-001', 'Malformed JSON request body', options),
  invalidType: (parameter: string, options?: Options) =>
    new AppError('COMMON-400-002', `Invalid type for parameter: ${parameter}`, options),
  missingParameter: (parameter: string, options?: Options) =>
    new AppError('COMMON-400-003', `Missing parameter: ${parameter}`, options),
  validation: (fieldErrors: FieldError[], options?: Options) =>
    new AppError('COMMON-400-004', 'Validation failed', { ...options, fieldErrors }),
  invalidToken: (message = 'Invalid or missing access token', options?: Options) =>
    new AppError('COMMON-401-001', message, options),
  expiredToken: (options?: Options) => new AppError('COMMON-401-002', 'Access token has expired', options),
  forbidden: (message = 'Access denied', options?: Options) => new AppError('COMMON-403', message, options),
  notFound: (message = 'Resource not found', options?: Options) => new AppError('COMMON-404', message, options),
  methodNotAllowed: (options?: Options) => new AppError('COMMON-405', 'Method not allowed', options),
  conflict: (message = 'Conflict', options?: Options) => new AppError('COMMON-409', message, options),
  payloadTooLarge: (limitBytes: number, options?: Options) =>
    new AppError('COMMON-413', `Request body is larger than ${limitBytes} bytes`, options),
  idempotencyKeyReused: (options?: Options) =>
    new AppError('COMMON-422-001', 'Idempotency-Key was already used with a different request', options),
  tooManyRequests: (message = 'Too many requests', options?: Options) => new AppError('COMMON-429', message, options),
  internal: (options?: Options) => new AppError('COMMON-500', 'Internal server error', options),
  unavailable: (message = 'Service temporarily unavailable', options?: Options) =>
    new AppError('COMMON-503', message, options),
} as const
