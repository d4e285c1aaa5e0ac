import { describe, expect, test } from 'bun:test'
import { randomBytes } from 'node:crypto'
import { keyEncryptionKey, openPrivateJwk, sealPrivateJwk } from './key-sealing'

const jwk = JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'public-part', d: 'private-part' })
const kek = randomBytes(32)

describe('sealing private signing keys', () => {
  test('when a key is configured, then the stored form hides the JWK and opens back to it', () => {
    const stored = sealPrivateJwk(jwk, 'kid-1', kek)
    expect(stored.startsWith('sealed:v1:')).toBe(true)
    expect(stored).not.toContain('private-part')
    expect(sealPrivateJwk(jwk, 'kid-1', kek)).not.toBe(stored) // a fresh IV each time
    expect(openPrivateJwk(stored, 'kid-1', kek)).toBe(jwk)
  })

  test('when no key is configured, then keys are stored plain, and plain rows open with or without a key', () => {
    expect(sealPrivateJwk(jwk, 'kid-1', undefined)).toBe(jwk)
    expect(openPrivateJwk(jwk, 'kid-1', undefined)).toBe(jwk)
    expect(openPrivateJwk(jwk, 'kid-1', kek)).toBe(jwk)
  })

  test('a sealed key does not open under another key, under another kid, without a key, or tampered with', () => {
    const stored = sealPrivateJwk(jwk, 'kid-1', kek)
    expect(() => openPrivateJwk(stored, 'kid-1', randomBytes(32))).toThrow()
    expect(() => openPrivateJwk(stored, 'kid-2', kek)).toThrow()
    expect(() => openPrivateJwk(stored, 'kid-1', undefined)).toThrow('AUTH_KEY_ENCRYPTION_KEY')
    const body = Buffer.from(stored.slice('sealed:v1:'.length), 'base64')
    body[20] = (body[20] ?? 0) ^ 1
    expect(() => openPrivateJwk(`sealed:v1:${body.toString('base64')}`, 'kid-1', kek)).toThrow()
  })

  test('AUTH_KEY_ENCRYPTION_KEY: empty means none; anything but 32 bytes is refused at start', () => {
    expect(keyEncryptionKey('')).toBeUndefined()
    expect(keyEncryptionKey(kek.toString('base64'))?.equals(kek)).toBe(true)
    expect(() => keyEncryptionKey(randomBytes(16).toString('base64'))).toThrow('32 bytes')
  })
})
