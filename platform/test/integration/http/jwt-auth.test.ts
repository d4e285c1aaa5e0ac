import { afterAll, beforeAll, describe, expect, spyOn, test } from 'bun:test'
import { Elysia, t } from 'elysia'
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose'
import { type ErrorBody, httpKit, jwtAuth, ok } from '../../../src/http/index'

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>
interface Keys {
  ed: KeyPair
  rsa: KeyPair
  stranger: KeyPair
}

let keys: Keys
let jwks: ReturnType<typeof Bun.serve>
let published: JWK[]
let jwksFetches = 0

const publicJwk = async (pair: KeyPair, kid: string, alg: string): Promise<JWK> => ({
  ...(await exportJWK(pair.publicKey)),
  kid,
  alg,
  use: 'sig',
})

beforeAll(async () => {
  keys = {
    ed: await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true }),
    rsa: await generateKeyPair('RS256', { extractable: true }),
    stranger: await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true }),
  }
  published = [await publicJwk(keys.ed, 'ed-1', 'EdDSA'), await publicJwk(keys.rsa, 'rsa-1', 'RS256')]
  // A real JWKS endpoint, as auth serves it, on a free port; it counts fetches and can rotate keys.
  jwks = Bun.serve({
    port: 0,
    fetch: (req) => {
      if (new URL(req.url).pathname !== '/.well-known/jwks.json') return new Response(null, { status: 404 })
      jwksFetches += 1
      return Response.json({ keys: published })
    },
  })
})

afterAll(async () => {
  await jwks.stop(true)
})

interface TokenOptions {
  key?: keyof Keys
  kid?: string
  type?: string
  roles?: string[]
  subject?: string
  expiresAt?: number | string
  issuer?: string
  audience?: string
}

function token({
  key = 'ed',
  kid,
  type = 'access',
  roles = ['USER'],
  subject = '42',
  expiresAt = '15m',
  issuer = 'commerce-auth',
  audience = 'commerce',
}: TokenOptions = {}) {
  const alg = key === 'rsa' ? 'RS256' : 'EdDSA'
  // The stranger signs with ed's kid: only the signature can tell it apart.
  return new SignJWT({ email: 'kim@example.com', roles, type })
    .setProtectedHeader({ alg, kid: kid ?? (key === 'rsa' ? 'rsa-1' : 'ed-1') })
    .setSubject(subject)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expiresAt)
    .sign(keys[key].privateKey)
}

/** A token signed by hand: `alg: none`, or HS256 keyed with a published public key's bytes. */
async function forged(alg: 'none' | 'HS256', secret = new Uint8Array()) {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const now = Math.floor(Date.now() / 1000)
  const claims = { sub: '42', email: 'kim@example.com', roles: ['ADMIN'], type: 'access', iss: 'commerce-auth' }
  const input = `${encode({ alg, kid: 'rsa-1' })}.${encode({ ...claims, aud: 'commerce', iat: now, exp: now + 600 })}`
  if (alg === 'none') return `${input}.`
  const hmac = new Bun.CryptoHasher('sha256', secret).update(input).digest()
  return `${input}.${Buffer.from(hmac).toString('base64url')}`
}

function appWith(jwksUrl: string, jwksCache?: { cooldownMs?: number }) {
  return new Elysia()
    .use(httpKit)
    .use(jwtAuth({ jwksUrl, issuer: 'commerce-auth', audience: 'commerce', jwksCache }))
    .get('/me', ({ user }) => ok(user), { auth: true })
    .get('/admin', ({ user }) => ok(user), { role: 'ADMIN' })
    .get('/public', ({ principal }) => ok({ principal }))
    .post('/orders', ({ body }) => ok(body), { auth: true, body: t.Object({ skuId: t.Integer() }) })
}

const app = () => appWith(`${jwks.url.origin}/.well-known/jwks.json`)
const get = (path: string, bearer?: string) =>
  app().handle(new Request(`http://localhost${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} }))
const errorOf = async (res: Response) => [res.status, ((await res.json()) as ErrorBody).error.code]

describe('jwtAuth', () => {
  test('when a valid EdDSA access token is sent, then the handler sees the principal', async () => {
    const res = await get('/me', await token())
    expect(res.status).toBe(200)
    expect(((await res.json()) as { data: unknown }).data).toEqual({
      userId: 42,
      email: 'kim@example.com',
      roles: ['USER'],
    })
  })

  test('when a valid RS256 access token is sent, then it is accepted too', async () => {
    expect((await get('/me', await token({ key: 'rsa' }))).status).toBe(200)
  })

  test('when the token has expired, then 401 COMMON-401-002', async () => {
    const expired = await token({ expiresAt: Math.floor(Date.now() / 1000) - 60 })
    expect(await errorOf(await get('/me', expired))).toEqual([401, 'COMMON-401-002'])
  })

  test('when the token is signed by a key not in the JWKS, then 401 COMMON-401-001', async () => {
    expect(await errorOf(await get('/me', await token({ key: 'stranger' })))).toEqual([401, 'COMMON-401-001'])
  })

  test('when the token is garbage or missing, then 401 COMMON-401-001', async () => {
    expect(await errorOf(await get('/me', 'not.a.jwt'))).toEqual([401, 'COMMON-401-001'])
    expect(await errorOf(await get('/me'))).toEqual([401, 'COMMON-401-001'])
  })

  test('when a refresh-typed token is sent as a bearer, then 401 (a refresh token is never an access token)', async () => {
    expect(await errorOf(await get('/me', await token({ type: 'refresh' })))).toEqual([401, 'COMMON-401-001'])
  })

  test('when the subject is any id a service can store (up to 2^53−1), then it is the user id; otherwise 401', async () => {
    const statusOf = async (subject: string) => (await get('/me', await token({ subject }))).status
    const largest = String(Number.MAX_SAFE_INTEGER)
    expect({
      largest: await statusOf(largest),
      beyond: await statusOf('9007199254740993'),
      zero: await statusOf('0'),
      leadingZero: await statusOf('042'),
      notANumber: await statusOf('kim'),
    }).toEqual({ largest: 200, beyond: 401, zero: 401, leadingZero: 401, notANumber: 401 })
  })

  test('when the issuer is not auth, then 401 COMMON-401-001', async () => {
    expect(await errorOf(await get('/me', await token({ issuer: 'someone-else' })))).toEqual([401, 'COMMON-401-001'])
  })

  test('when the token is for another audience, then 401 COMMON-401-001', async () => {
    expect(await errorOf(await get('/me', await token({ audience: 'someone-else' })))).toEqual([401, 'COMMON-401-001'])
  })

  test('when the token expired a moment ago (within the clock tolerance), then it is still accepted', async () => {
    const justExpired = await token({ expiresAt: Math.floor(Date.now() / 1000) - 2 })
    expect((await get('/me', justExpired)).status).toBe(200)
  })

  test('when the token says alg none, then 401 COMMON-401-001', async () => {
    expect(await errorOf(await get('/me', await forged('none')))).toEqual([401, 'COMMON-401-001'])
  })

  test('when the token is HS256 keyed with the public RSA key (key confusion), then 401 COMMON-401-001', async () => {
    const publicPem = await crypto.subtle.exportKey('spki', keys.rsa.publicKey as CryptoKey)
    const pem = `-----BEGIN PUBLIC KEY-----\n${Buffer.from(publicPem).toString('base64')}\n-----END PUBLIC KEY-----\n`
    const confused = await forged('HS256', new TextEncoder().encode(pem))
    expect(await errorOf(await get('/me', confused))).toEqual([401, 'COMMON-401-001'])
  })

  test('when many requests are verified by several apps, then the JWKS is fetched once', async () => {
    const url = `${jwks.url.origin}/.well-known/jwks.json?cache=${Bun.randomUUIDv7()}`
    const before = jwksFetches
    const bearer = await token()
    const apps = [appWith(url), appWith(url), appWith(url)]
    const statuses = []
    for (let i = 0; i < 30; i++) {
      const res = await apps[i % 3]?.handle(
        new Request('http://localhost/me', { headers: { authorization: `Bearer ${bearer}` } }),
      )
      statuses.push(res?.status)
    }
    expect([new Set(statuses), jwksFetches - before]).toEqual([new Set([200]), 1])
  })

  test('when auth rotates in a new key, then its unknown kid triggers one refetch and the old key still verifies', async () => {
    const url = `${jwks.url.origin}/.well-known/jwks.json?rotation=${Bun.randomUUIDv7()}`
    const rotated = appWith(url, { cooldownMs: 0 })
    const send = async (bearer: string) =>
      (await rotated.handle(new Request('http://localhost/me', { headers: { authorization: `Bearer ${bearer}` } })))
        .status
    const before = jwksFetches
    const oldKey = await send(await token())
    published = [...published, await publicJwk(keys.stranger, 'ed-2', 'EdDSA')]
    const newKey = await send(await token({ key: 'stranger', kid: 'ed-2' }))
    const oldAgain = await send(await token())
    expect([oldKey, newKey, oldAgain, jwksFetches - before]).toEqual([200, 200, 200, 2])
  })

  test('when the caller lacks the role, then 403 COMMON-403 in the same envelope', async () => {
    const res = await get('/admin', await token({ roles: ['USER'] }))
    expect(await res.json()).toEqual({
      success: false,
      error: { code: 'COMMON-403', message: 'Access denied' },
      timestamp: expect.any(String),
    })
    expect(res.status).toBe(403)
  })

  test('when the caller has the role, then the admin route runs', async () => {
    expect((await get('/admin', await token({ roles: ['USER', 'ADMIN'] }))).status).toBe(200)
  })

  test('when a public route gets a bad token, then it runs anonymously', async () => {
    const res = await get('/public', 'not.a.jwt')
    expect([res.status, ((await res.json()) as { data: unknown }).data]).toEqual([200, { principal: null }])
  })

  test('when an anonymous caller sends an invalid body to a protected route, then 401 comes before validation', async () => {
    const res = await app().handle(
      new Request('http://localhost/orders', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"skuId":"x"}',
      }),
    )
    expect(await errorOf(res)).toEqual([401, 'COMMON-401-001'])
  })

  test('when the JWKS cannot be fetched, then 503 COMMON-503 rather than blaming the caller', async () => {
    const stdout = spyOn(process.stdout, 'write').mockImplementation(() => true)
    const gone = Bun.serve({ port: 0, fetch: () => new Response(null) })
    const url = `${gone.url.origin}/.well-known/jwks.json`
    await gone.stop(true)
    const res = await appWith(url).handle(
      new Request('http://localhost/me', { headers: { authorization: `Bearer ${await token()}` } }),
    )
    stdout.mockRestore()
    expect(await errorOf(res)).toEqual([503, 'COMMON-503'])
  })
})
