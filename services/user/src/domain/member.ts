/** A member's lifecycle: PENDING while its credential is being created, then ACTIVE, WITHDRAWN or LOCKED. */
export type MemberStatus = 'PENDING' | 'ACTIVE' | 'WITHDRAWN' | 'LOCKED'
export type MemberRole = 'USER' | 'ADMIN'

/** Emails are compared trimmed and lower-cased: one member per mailbox however it is typed. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase()

/** Original §2.2's email rule, applied to the trimmed address. */
export const emailPattern = '^\\s*[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,6}\\s*$'

/** Original §2.2's phone rule (an invalid phone is a 400 here, never the original's 500). */
export const phonePattern = '^010-\\d{3,4}-?\\d{4}$'

/** The roles auth puts in the member's tokens. */
export const authRolesOf = (role: MemberRole): string[] => (role === 'ADMIN' ? ['USER', 'ADMIN'] : ['USER'])

/** What a member-facing read shows. */
export interface MemberView {
  id: number
  email: string
  name: string
  phone: string | null
  role: string
  status: string
  createdAt: string
}

/** The view of a stored member row. */
export function memberView(row: Omit<MemberView, 'createdAt'> & { createdAt: Date }): MemberView {
  const { id, email, name, phone, role, status, createdAt } = row
  return { id, email, name, phone, role, status, createdAt: createdAt.toISOString() }
}
