/** What a credential may carry as roles. */
export const Roles = ['USER', 'ADMIN'] as const
export type Role = (typeof Roles)[number]

/** ACTIVE signs in; LOCKED (admin) and WITHDRAWN (member left) do not. */
export type CredentialStatus = 'ACTIVE' | 'LOCKED' | 'WITHDRAWN'

/** A stored credential as the API shows it (never the hash). */
export interface CredentialView {
  userId: number
  email: string
  roles: Role[]
  status: CredentialStatus
}

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Trim + lowercase, so one mailbox is one credential whatever the caller typed. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase()

/** True for a normalized email of plausible shape that fits the column (RFC 5321: 254). */
export const isPlausibleEmail = (email: string) => email.length <= 254 && emailShape.test(email)

/** Roles as stored (comma-separated, canonical order, no duplicates). */
export const rolesToColumn = (roles: readonly Role[]) => Roles.filter((role) => roles.includes(role)).join(',')

/** Roles from the stored column; unknown words are dropped rather than trusted. */
export const rolesFromColumn = (column: string): Role[] => Roles.filter((role) => column.split(',').includes(role))
