import { SignJWT } from 'jose'
import type { Role } from '../domain/credential'
import type { KeyEncryptionKey } from './key-sealing'
import type { Signer } from './signing-keys'

/** Who the token is for, and how it is stamped. */
export interface AccessTokenInput {
  userId: number
  email: string
  roles: Role[]
}

/** Issuer, audience and lifetime of access tokens, and the key that opens the stored signing keys. */
export interface AccessTokenSettings {
  issuer: string
  audience: string
  ttlS: number
  kek?: KeyEncryptionKey
}

/** Signs an EdDSA access token with the current signer (`kid` in the header). */
export function signAccessToken(signer: Signer, input: AccessTokenInput, settings: AccessTokenSettings) {
  const iat = Math.floor(Date.now() / 1000)
  return new SignJWT({ email: input.email, roles: input.roles, type: 'access' })
    .setProtectedHeader({ alg: 'EdDSA', kid: signer.kid, typ: 'JWT' })
    .setSubject(String(input.userId))
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + settings.ttlS)
    .setJti(crypto.randomUUID())
    .sign(signer.key)
}
