import { AppError } from '@commerce/platform/http'

/** Auth's closed table of error codes (`AUTH-<status>-<nnn>`). */
export const AuthErrors = {
  // One message for unknown email, wrong password and a withdrawn member: the answer must not tell them apart.
  invalidCredentials: () => new AppError('AUTH-401-001', 'Invalid email or password'),
  invalidRefreshToken: () => new AppError('AUTH-401-002', 'Invalid or expired refresh token'),
  locked: () => new AppError('AUTH-403-001', 'This account is locked'),
  credentialNotFound: () => new AppError('AUTH-404-001', 'Credential not found'),
  emailTaken: () => new AppError('AUTH-409-001', 'Email is already registered'),
  cancelled: () => new AppError('AUTH-409-002', 'This user id was cancelled and cannot get a credential'),
  otherEmail: () => new AppError('AUTH-409-003', 'This user id already has a credential with another email'),
  throttled: (retryAfterS: number) =>
    new AppError('AUTH-429-001', 'Too many failed login attempts; try again later', {
      details: `retry after ${retryAfterS} s`,
    }),
} as const
