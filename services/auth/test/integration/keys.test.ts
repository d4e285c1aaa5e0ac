import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { accessTokenVerifier } from '@commerce/platform/http'
import type { RunningService } from '@commerce/platform/service'
import { eventually, startTestService } from '@commerce/platform/testing'
import { eq } from 'drizzle-orm'
import { decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose'
import { authService } from '../../src/app'
import { signingKeys } from '../../src/db/schema'
import { authConfig, call, createCredential, freshMember, login } from './auth-fixture'

type Service = RunningService<Record<string, unknown>, ReturnType<typeof authConfig>>
let service: Service
beforeAll(async () => {
  // A 1 s access TTL and no grace: a retired key leaves the JWKS about a second after rotation.
  service = await startTestService(authService(authConfig({ AUTH_ACCESS_TTL_S: '1', AUTH_KEY_RETIRE_GRACE_S: '0' })))
})
afterAll(() => service.stop())

async function tokenFor(roles: string[]) {
  const member = freshMember()
  await createCredential(service.url, member, roles)
  return { member, ...(await login(service.url, member)).body.data }
}

const rotate = (token: string) =>
  call<{ data: { kid: string; retiredKid: string } } & { error?: { code: string } }>(
    `${service.url}/api/auth/keys/rotate`,
    { method: 'POST', headers: { authorization: `Bearer ${token}` } },
  )

const kidOf = (token: string) => decodeProtectedHeader(token).kid
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')

// Arranges tokens the service would never mint (expired, type refresh) with its own signer, read from its database.
async function signWithOurKey(claims: Record<string, unknown>, expiresAt: number) {
  const [signer] = await service.deps.db.select().from(signingKeys).where(eq(signingKeys.signer, 1))
  if (!signer) throw new Error('no signer')
  const key = await importJWK(JSON.parse(signer.privateJwk) as JWK, 'EdDSA')
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', kid: signer.kid })
    .setIssuer('commerce-auth')
    .setAudience('commerce')
    .setSubject('42')
    .setIssuedAt(expiresAt - 60)
    .setExpirationTime(expiresAt)
    .sign(key)
}

describe('signing keys', () => {
  test('when the key is rotated, then old tokens still verify via the JWKS, new ones carry the new kid, and the old key leaves after its window', async () => {
    const admin = await tokenFor(['ADMIN'])
    const before = await tokenFor(['USER'])
    const rotated = await rotate(admin.accessToken)
    const after = await tokenFor(['USER'])
    const verify = accessTokenVerifier({
      jwksUrl: `${service.url}/.well-known/jwks.json`,
      issuer: 'commerce-auth',
      audience: 'commerce',
      jwksCache: { cacheMaxAgeMs: 0, cooldownMs: 0 },
    })
    const verified = await Promise.all([verify(before.accessToken), verify(after.accessToken)])
    const published = async () => {
      const jwks = await call<{ keys: { kid: string }[] }>(`${service.url}/.well-known/jwks.json`)
      return jwks.body.keys.map((k) => k.kid)
    }
    const listedRightAfter = await published()
    const listedLater = await eventually(async () => {
      const kids = await published()
      return !kids.includes(rotated.body.data.retiredKid) && kids
    })

    expect({
      status: rotated.status,
      retired: rotated.body.data.retiredKid === kidOf(before.accessToken),
      newKid: kidOf(after.accessToken) === rotated.body.data.kid,
      verified: verified.map((p) => p.userId),
      rightAfter: listedRightAfter.includes(rotated.body.data.retiredKid),
      later: listedLater.includes(rotated.body.data.kid),
    }).toEqual({
      status: 200,
      retired: true,
      newKid: true,
      verified: [before.member.userId, after.member.userId],
      rightAfter: true,
      later: true,
    })
  })

  test('when the rotate route gets a bad token, then 401 with the matching code, and 403 for a non-admin', async () => {
    const admin = await tokenFor(['ADMIN'])
    const user = await tokenFor(['USER'])
    const [header, payload, signature] = admin.accessToken.split('.') as [string, string, string]
    const foreign = await generateKeyPair('EdDSA', { crv: 'Ed25519' })
    const foreignJwk = await exportJWK(foreign.publicKey)
    const claims = { email: 'x@example.com', roles: ['ADMIN'] }
    const now = Math.floor(Date.now() / 1000)
    const tokens = {
      none: `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      foreignKey: await new SignJWT({ ...claims, type: 'access' })
        .setProtectedHeader({ alg: 'EdDSA', kid: kidOf(admin.accessToken) ?? foreignJwk.x ?? '' })
        .setIssuer('commerce-auth')
        .setAudience('commerce')
        .setSubject('42')
        .setExpirationTime(now + 60)
        .sign(foreign.privateKey),
      flipped: `${header}.${payload}.${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`,
      expired: await signWithOurKey({ ...claims, type: 'access' }, now - 60),
      refreshJwt: await signWithOurKey({ ...claims, type: 'refresh' }, now + 60),
      opaqueRefresh: admin.refreshToken,
      nonAdmin: user.accessToken,
    }
    const codes: Record<string, unknown> = {}
    for (const [name, token] of Object.entries(tokens)) {
      const answer = await rotate(token)
      codes[name] = [answer.status, answer.body.error?.code]
    }

    expect(codes).toEqual({
      none: [401, 'COMMON-401-001'],
      foreignKey: [401, 'COMMON-401-001'],
      flipped: [401, 'COMMON-401-001'],
      expired: [401, 'COMMON-401-002'],
      refreshJwt: [401, 'COMMON-401-001'],
      opaqueRefresh: [401, 'COMMON-401-001'],
      nonAdmin: [403, 'COMMON-403'],
    })
  })

  test('when the rotate route gets no token, then 401', async () => {
    const answer = await call(`${service.url}/api/auth/keys/rotate`, { method: 'POST' })

    expect([answer.status, answer.body.error?.code]).toEqual([401, 'COMMON-401-001'])
  })
})
