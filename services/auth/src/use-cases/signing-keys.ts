import { type Db, isDuplicateKey } from '@commerce/platform/db'
import { eq, gt, isNull, or } from 'drizzle-orm'
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose'
import { signingKeys } from '../db/schema'
import { isDueForRotation, publishedSince } from '../domain/signing-key'
import { type KeyEncryptionKey, openPrivateJwk, sealPrivateJwk } from './key-sealing'

const alg = 'EdDSA'

/** The key that signs access tokens now. */
export interface Signer {
  kid: string
  key: CryptoKey | Uint8Array
}

/** A public key as published in the JWKS. */
export type PublicJwk = JWK & { kid: string; alg: string; use: 'sig' }

/** How long a retired key stays published: the access TTL plus a margin. */
export interface PublishWindow {
  accessTtlMs: number
  graceMs: number
}

// Imported keys by kid: importing is CPU work, and a kid's key never changes.
const imported = new Map<string, Promise<CryptoKey | Uint8Array>>()

function importCached(kid: string, jwk: string, kind: 'private' | 'public') {
  const id = `${kind}:${kid}`
  let key = imported.get(id)
  if (!key) {
    key = importJWK(JSON.parse(jwk) as JWK, alg)
    imported.set(id, key)
  }
  return key
}

async function newKeyRow(now: Date, kek: KeyEncryptionKey | undefined) {
  const pair = await generateKeyPair(alg, { crv: 'Ed25519', extractable: true })
  const publicJwk = await exportJWK(pair.publicKey)
  const kid = await calculateJwkThumbprint(publicJwk)
  const privateJwk = await exportJWK(pair.privateKey)
  return {
    kid,
    alg,
    publicJwk: JSON.stringify({ ...publicJwk, kid, alg, use: 'sig' }),
    privateJwk: sealPrivateJwk(JSON.stringify(privateJwk), kid, kek),
    signer: 1,
    createdAt: now,
  }
}

/** Creates a signer when none exists; safe with several replicas (the unique `signer` index admits one). */
export async function ensureSigner(db: Db, now: Date, kek?: KeyEncryptionKey): Promise<void> {
  const [current] = await db.select({ kid: signingKeys.kid }).from(signingKeys).where(eq(signingKeys.signer, 1))
  if (current) return
  try {
    await db.insert(signingKeys).values(await newKeyRow(now, kek))
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
}

// The signer, cached briefly: one query less per login. A replica that did not rotate keeps signing with the old key
// for at most this long, which is harmless: a retired key stays published far longer.
const signerCacheMs = 5_000
let cachedSigner: { signer: Signer; until: number } | undefined

async function loadSigner(db: Db, kek: KeyEncryptionKey | undefined): Promise<Signer | undefined> {
  const [row] = await db
    .select({ kid: signingKeys.kid, privateJwk: signingKeys.privateJwk })
    .from(signingKeys)
    .where(eq(signingKeys.signer, 1))
  if (!row) return undefined
  return { kid: row.kid, key: await importCached(row.kid, openPrivateJwk(row.privateJwk, row.kid, kek), 'private') }
}

/** The current signer (created on first use if the start-up creation has not happened yet). */
export async function currentSigner(db: Db, kek?: KeyEncryptionKey): Promise<Signer> {
  if (cachedSigner && cachedSigner.until > performance.now()) return cachedSigner.signer
  let signer = await loadSigner(db, kek)
  if (!signer) {
    await ensureSigner(db, new Date(), kek)
    signer = await loadSigner(db, kek)
  }
  if (!signer) throw new Error('no signing key could be created')
  cachedSigner = { signer, until: performance.now() + signerCacheMs }
  return signer
}

/** The public keys to publish: the signer and keys retired within the window. */
export async function publishedKeys(db: Db, window: PublishWindow, now: Date): Promise<PublicJwk[]> {
  const rows = await db
    .select({ publicJwk: signingKeys.publicJwk })
    .from(signingKeys)
    .where(or(isNull(signingKeys.retiredAt), gt(signingKeys.retiredAt, publishedSince(window, now))))
    .orderBy(signingKeys.createdAt)
  return rows.map((row) => JSON.parse(row.publicJwk) as PublicJwk)
}

/** The public key of a published kid, for verifying our own tokens (undefined: unknown or no longer published). */
export async function publishedKey(db: Db, input: { kid: string; window: PublishWindow }, now: Date) {
  const key = (await publishedKeys(db, input.window, now)).find((k) => k.kid === input.kid)
  return key ? importCached(key.kid, JSON.stringify(key), 'public') : undefined
}

/**
 * Makes a new key the signer and retires the old one (it stays published for its window). With `olderThanMs`, only
 * when the signer is at least that old, decided under the signer row's lock, so replicas never rotate twice.
 */
export async function rotateSigner(db: Db, options: { olderThanMs?: number; kek?: KeyEncryptionKey }, now: Date) {
  const next = await newKeyRow(now, options.kek)
  const result = await db.transaction(async (tx) => {
    const [current] = await tx.select().from(signingKeys).where(eq(signingKeys.signer, 1)).for('update')
    const { olderThanMs } = options
    if (current && olderThanMs !== undefined && !isDueForRotation(current.createdAt, olderThanMs, now)) {
      return { rotated: false, kid: current.kid, retiredKid: null }
    }
    if (current) {
      await tx.update(signingKeys).set({ signer: null, retiredAt: now }).where(eq(signingKeys.kid, current.kid))
    }
    await tx.insert(signingKeys).values(next)
    return { rotated: true, kid: next.kid, retiredKid: current?.kid ?? null }
  })
  // This replica signs with the new key at once (others within signerCacheMs).
  if (result.rotated) cachedSigner = undefined
  return result
}
