import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

/**
 * Private signing keys at rest. With AUTH_KEY_ENCRYPTION_KEY set (a deployment's Secret), each private JWK is stored
 * sealed with AES-256-GCM under that key, bound to its kid: a copy of the database (a backup, a replica, a dump) cannot
 * mint tokens, and a sealed key moved to another row does not open. Without it (the local stack) keys are stored as
 * plain JWK JSON; plain rows stay readable after a key is configured, and the next rotation replaces them.
 */
export type KeyEncryptionKey = Buffer

const sealedPrefix = 'sealed:v1:'
const ivBytes = 12
const tagBytes = 16

/** AUTH_KEY_ENCRYPTION_KEY (base64 of 32 random bytes, e.g. `openssl rand -base64 32`); empty: keys stored plain. */
export function keyEncryptionKey(base64: string): KeyEncryptionKey | undefined {
  if (base64 === '') return undefined
  const key = Buffer.from(base64, 'base64')
  if (key.length !== 32) throw new Error('AUTH_KEY_ENCRYPTION_KEY must be 32 bytes, base64-encoded')
  return key
}

/** The private JWK as stored: sealed under the key when there is one, else as is. */
export function sealPrivateJwk(jwk: string, kid: string, kek: KeyEncryptionKey | undefined): string {
  if (!kek) return jwk
  const iv = randomBytes(ivBytes)
  const cipher = createCipheriv('aes-256-gcm', kek, iv).setAAD(Buffer.from(kid))
  const sealed = Buffer.concat([iv, cipher.update(jwk, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return `${sealedPrefix}${sealed.toString('base64')}`
}

/** The private JWK from its stored form; a sealed one needs the key it was sealed under. */
export function openPrivateJwk(stored: string, kid: string, kek: KeyEncryptionKey | undefined): string {
  if (!stored.startsWith(sealedPrefix)) return stored
  if (!kek) throw new Error(`signing key ${kid} is sealed: AUTH_KEY_ENCRYPTION_KEY is needed to use it`)
  const sealed = Buffer.from(stored.slice(sealedPrefix.length), 'base64')
  const decipher = createDecipheriv('aes-256-gcm', kek, sealed.subarray(0, ivBytes)).setAAD(Buffer.from(kid))
  decipher.setAuthTag(sealed.subarray(sealed.length - tagBytes))
  const body = sealed.subarray(ivBytes, sealed.length - tagBytes)
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')
}
