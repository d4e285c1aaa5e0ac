import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { accessTokenVerifier } from '@commerce/platform/http'
import type { RunningService } from '@commerce/platform/service'
import { startTestService } from '@commerce/platform/testing'
import { authService } from '../../src/app'
import { authConfig, call, createCredential, freshAddress, freshMember, login } from './auth-fixture'

let service: RunningService<Record<string, unknown>, ReturnType<typeof authConfig>>
beforeAll(async () => {
  service = await startTestService(authService(authConfig()))
})
afterAll(() => service.stop())

const withoutTimestamp = (body: object) => ({ ...body, timestamp: undefined })

describe('login', () => {
  test('when the password is right, then the access token verifies with jwtAuth against the JWKS and a refresh cookie is set', async () => {
    const member = freshMember()
    await createCredential(service.url, member, ['USER', 'ADMIN'])
    const answer = await login(service.url, { email: ` ${member.email.toUpperCase()}`, password: member.password })
    const verify = accessTokenVerifier({
      jwksUrl: `${service.url}/.well-known/jwks.json`,
      issuer: 'commerce-auth',
      audience: 'commerce',
    })
    const principal = await verify(answer.body.data.accessToken)

    expect({
      status: answer.status,
      principal,
      expiresIn: answer.body.data.expiresIn,
      refreshToken: /^[A-Za-z0-9_-]{43}$/.test(answer.body.data.refreshToken),
      cookie: answer.headers.get('set-cookie'),
    }).toEqual({
      status: 200,
      principal: { userId: member.userId, email: member.email, roles: ['USER', 'ADMIN'] },
      expiresIn: 900,
      refreshToken: true,
      cookie: `refreshToken=${answer.body.data.refreshToken}; Path=/api/auth; HttpOnly; Secure; SameSite=Strict; Max-Age=1209600`,
    })
  })

  test('when the password is wrong or the email unknown, then both get the same 401 body', async () => {
    const member = freshMember()
    await createCredential(service.url, member)
    const wrong = await login(service.url, { email: member.email, password: 'wrong-password' })
    const unknown = await login(service.url, { email: `nobody-${member.email}`, password: member.password })

    expect([wrong.status, unknown.status]).toEqual([401, 401])
    expect(withoutTimestamp(wrong.body)).toEqual(withoutTimestamp(unknown.body))
    expect(wrong.body.error?.code).toBe('AUTH-401-001')
  })

  test('when the JWKS is fetched, then it lists public Ed25519 keys with kid, alg and use, cacheable for a minute', async () => {
    const jwks = await call<{ keys: Record<string, unknown>[] }>(`${service.url}/.well-known/jwks.json`)
    const key = jwks.body.keys.at(-1) ?? {}

    expect({
      cache: jwks.headers.get('cache-control'),
      shape: { kty: key['kty'], crv: key['crv'], alg: key['alg'], use: key['use'], kid: typeof key['kid'] },
      private: jwks.body.keys.some((k) => 'd' in k),
    }).toEqual({
      cache: 'public, max-age=60',
      shape: { kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: 'string' },
      private: false,
    })
  })

  test('when login input is bad, then 400 with a code', async () => {
    const url = `${service.url}/api/auth/login`
    const headers = { 'x-forwarded-for': freshAddress() }
    const cases = await Promise.all([
      call(url, { body: '{"email":', headers }),
      call(url, { body: { email: 42, password: 'x' }, headers }),
      call(url, { body: { email: 'a@b.co' }, headers }),
      call(url, { body: { email: 'a@b.co', password: 'p'.repeat(10_000) }, headers }),
    ])

    expect(cases.map((c) => [c.status, c.body.error?.code])).toEqual([
      [400, 'COMMON-400-001'],
      [400, 'COMMON-400-004'],
      [400, 'COMMON-400-004'],
      [400, 'COMMON-400-004'],
    ])
  })
})
