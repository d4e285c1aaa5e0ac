import { createHash, randomBytes } from 'node:crypto'

/** A new opaque refresh token: 32 random bytes, base64url (43 characters). */
export const newRefreshToken = () => randomBytes(32).toString('base64url')

/** What is stored for a refresh token: its SHA-256 (hex), so a database leak yields no usable token. */
export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex')
