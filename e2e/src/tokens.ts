import { createDb } from '@commerce/platform/db'
import { testEnv } from '@commerce/platform/testing'

/** A JWT's header and claims, as decoded from its first two parts. */
export interface JwtParts {
  header: Record<string, unknown>
  claims: Record<string, unknown>
  signature: string
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const decode = (part: string | undefined) => JSON.parse(Buffer.from(part ?? '', 'base64url').toString())

export function jwtParts(token: string): JwtParts {
  const [header, claims, signature = ''] = token.split('.')
  return { header: decode(header), claims: decode(claims), signature }
}

const compact = (parts: JwtParts) => `${encode(parts.header)}.${encode(parts.claims)}.${parts.signature}`

/** The token with some claims changed and its original signature kept (a forged role, another user's id). */
export const withClaims = (token: string, claims: Record<string, unknown>) => {
  const parts = jwtParts(token)
  return compact({ ...parts, claims: { ...parts.claims, ...claims } })
}

/** The token's claims under `alg: none` and an empty signature. */
export const unsigned = (token: string) => {
  const parts = jwtParts(token)
  return compact({ header: { ...parts.header, alg: 'none' }, claims: parts.claims, signature: '' })
}

/** The token with one bit of its signature's first byte flipped. */
export function flippedSignature(token: string): string {
  const parts = jwtParts(token)
  const bytes = Buffer.from(parts.signature, 'base64url')
  bytes[0] = (bytes[0] ?? 0) ^ 0x01
  return compact({ ...parts, signature: bytes.toString('base64url') })
}

async function signed(header: Record<string, unknown>, claims: Record<string, unknown>, key: CryptoKey) {
  const input = `${encode(header)}.${encode(claims)}`
  const signature = await crypto.subtle.sign('Ed25519', key, new TextEncoder().encode(input))
  return `${input}.${Buffer.from(signature).toString('base64url')}`
}

/** The token's header and claims (with `claims` over them) signed by a fresh Ed25519 key auth never published. */
export async function signedByStranger(token: string, claims: Record<string, unknown> = {}): Promise<string> {
  const parts = jwtParts(token)
  const pair = (await crypto.subtle.generateKey('Ed25519', false, ['sign', 'verify'])) as CryptoKeyPair
  return signed(parts.header, { ...parts.claims, ...claims }, pair.privateKey)
}

/**
 * The token's claims (with `claims` over them) signed by auth's own current signing key, read from auth's database:
 * a token only the claims can make invalid (an expired one). The key is stored in plain for this project (auth README).
 */
export async function signedByAuth(token: string, claims: Record<string, unknown>): Promise<string> {
  const handle = createDb({ url: testEnv().databaseUrl('auth'), poolSize: 1 })
  try {
    const [rows] = await handle.pool.query('select kid, private_jwk from signing_keys where signer = 1')
    const [signer] = rows as { kid: string; private_jwk: string }[]
    if (!signer) throw new Error('auth has no signing key')
    const key = await crypto.subtle.importKey('jwk', JSON.parse(signer.private_jwk), 'Ed25519', false, ['sign'])
    const parts = jwtParts(token)
    return await signed({ ...parts.header, kid: signer.kid }, { ...parts.claims, ...claims }, key)
  } finally {
    await handle.close()
  }
}
