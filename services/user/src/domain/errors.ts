import { AppError } from '@commerce/platform/http'

/** The closed table of MEMBER codes (original §2.2, plus the registration outage). */
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
  registrationUnavailable: () =>
    new AppError('MEMBER-503-001', 'Registration is temporarily unavailable; it was not completed'),
} as const
