// A deployment sets AUTH_KEY_ENCRYPTION_KEY (k8s/overlays/prod): new signing keys are stored sealed, tokens still
// verify through the JWKS. The auth database is shared with the stack's own auth (which has no key), so the test puts
// a plain signer back when it ends.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { randomBytes } from 'node:crypto'
import { accessTokenVerifier } from '@commerce/platform/http'
import type { RunningService } from '@commerce/platform/service'
import { startTestService } from '@commerce/platform/testing'
import { eq } from 'drizzle-orm'
import { decodeProtectedHeader } from 'jose'
import { authService } from '../../src/app'
import { signingKeys } from '../../src/db/schema'
import { rotateSigner } from '../../src/use-cases/signing-keys'
import { authConfig, call, createCredential, freshMember, login } from './auth-fixture'

type Service = RunningService<Record<string, unknown>, ReturnType<typeof authConfig>>
let service: Service
beforeAll(async () => {
  service = await startTestService(
    authService(authConfig({ AUTH_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64') })),
  )
})
afterAll(async () => {
  await rotateSigner(service.deps.db, {}, new Date())
  await service.stop()
})

describe('signing keys sealed at rest', () => {
  test('when a key encryption key is set, then a new signer is stored sealed and its tokens verify via the JWKS', async () => {
    const admin = freshMember()
    await createCredential(service.url, admin, ['ADMIN'])
    const adminToken = (await login(service.url, admin)).body.data.accessToken
    const rotated = await call<{ data: { kid: string } }>(`${service.url}/api/auth/keys/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}` },
    })
    const [row] = await service.deps.db
      .select({ privateJwk: signingKeys.privateJwk })
      .from(signingKeys)
      .where(eq(signingKeys.kid, rotated.body.data.kid))

    const member = freshMember()
    await createCredential(service.url, member)
    const token = (await login(service.url, member)).body.data.accessToken
    const verify = accessTokenVerifier({
      jwksUrl: `${service.url}/.well-known/jwks.json`,
      issuer: 'commerce-auth',
      audience: 'commerce',
      jwksCache: { cacheMaxAgeMs: 0, cooldownMs: 0 },
    })

    expect(row?.privateJwk.startsWith('sealed:v1:')).toBe(true)
    expect(row?.privateJwk).not.toContain('"d"')
    expect(decodeProtectedHeader(token).kid).toBe(rotated.body.data.kid)
    expect((await verify(token)).userId).toBe(member.userId)
  })
})
