import { passwordVerifications } from './metrics'

/**
 * argon2id with OWASP's minimum settings (19 MiB, 2 passes, 1 lane). Measured on this project's 2-core dev machine:
 * ≈ 88 ms per verify serially, ≈ 32 verifies/s with 8 concurrent; bcrypt cost 10 was slower (≈ 21/s) so argon2id stays.
 */
const settings = { algorithm: 'argon2id', memoryCost: 19_456, timeCost: 2 } as const

/** Hashes a password (off the event loop, on Bun's thread pool). Never call it inside a transaction. */
export const hashPassword = (password: string) => Bun.password.hash(password, settings)

/** Verifies a password against a stored hash (counted: the throttle test proves a throttled attempt runs none). */
export function verifyPassword(password: string, hash: string) {
  passwordVerifications.inc()
  return Bun.password.verify(password, hash)
}

// Verified when the email is unknown, so that answer costs what a wrong password costs (no timing oracle).
let dummyHash: Promise<string> | undefined

/** Spends one verify's worth of work against a hash of the same cost, and fails. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(crypto.randomUUID())
  await verifyPassword(password, await dummyHash)
  return false
}
