import { AppError } from '@commerce/platform/http'

/** The closed table of MEMBER codes (original §2.2, plus registration in progress/outage and the admin guards). */
export const MemberErrors = {
  credentialRefused: (details?: string) =>
    new AppError('MEMBER-400-001', 'The credential was refused', details ? { details } : {}),
  addressLimit: (limit: number) => new AppError('MEMBER-400-004', `A member keeps at most ${limit} addresses`),
  memberNotFound: () => new AppError('MEMBER-404-001', 'Member not found'),
  addressNotFound: () => new AppError('MEMBER-404-002', 'Address not found'),
  emailTaken: () => new AppError('MEMBER-409-001', 'Email is already registered'),
  alreadyWithdrawn: () => new AppError('MEMBER-409-002', 'Member has already withdrawn'),
  alreadyLocked: () => new AppError('MEMBER-409-003', 'Member is already locked'),
  registrationInProgress: () =>
    new AppError('MEMBER-409-004', 'A registration with this Idempotency-Key is still in progress'),
  // No endpoint changes roles: a stray DELETE must not leave the platform without an administrator.
  adminCannotWithdraw: () => new AppError('MEMBER-409-005', 'An administrator cannot withdraw'),
  adminCannotBeLocked: () => new AppError('MEMBER-409-006', 'An administrator cannot be locked'),
  registrationUnavailable: () =>
    new AppError('MEMBER-503-001', 'Registration is temporarily unavailable; it was not completed'),
} as const
