import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { eventually } from '@commerce/platform/testing'
import { faultProxy, onCreateCredential } from './fault-proxy'
import { call, hasCredential, newMember, registrationState, startUser } from './fixture'
import { type SpawnedService, spawnAuth } from './processes'

// Short timeouts so a test sees the resolve job act: the job takes over a registration unrenewed for 2 s.
const fast = { AUTH_TIMEOUT_MS: '300', REGISTRATION_PENDING_TIMEOUT_S: '2', REGISTRATION_RESOLVE_EVERY_S: '1' }

let auth: SpawnedService
beforeAll(async () => {
  auth = await spawnAuth()
})
afterAll(async () => {
  await auth[Symbol.asyncDispose]()
})

/** A user service whose calls to auth go through a fresh fault proxy (and a fresh circuit breaker). */
async function withProxy() {
  const proxy = faultProxy(auth.url)
  const user = await startUser({ authUrl: proxy.url, jwksFrom: auth.url }, fast)
  return {
    proxy,
    user,
    register: (body: ReturnType<typeof newMember>) => call(`${user.url}/api/users/register`, { method: 'POST', body }),
    [Symbol.asyncDispose]: async () => {
      await user.stop()
      await proxy[Symbol.asyncDispose]()
    },
  }
}

describe('registration when auth fails', () => {
  test('when auth answers 409 for the email, then the answer is 409 MEMBER-409-001 and neither a member nor a credential is left', async () => {
    await using at = await withProxy()
    at.proxy.onRequest(
      onCreateCredential({
        kind: 'answer',
        status: 409,
        body: {
          success: false,
          error: { code: 'AUTH-409-001', message: 'taken' },
          timestamp: new Date().toISOString(),
        },
      }),
    )
    const body = newMember()

    const answer = await at.register(body)

    const [id] = at.proxy.createdIds()
    expect({ status: answer.status, code: answer.body.error.code }).toEqual({ status: 409, code: 'MEMBER-409-001' })
    expect(await registrationState({ service: at.user, authUrl: auth.url }, body.email)).toEqual({
      member: 'none',
      credential: 'not checked',
    })
    expect(await hasCredential(auth.url, id ?? 0)).toBe(false)
  })

  test('when auth answers 500, then the answer is 503 MEMBER-503-001, the member is undone and its id is tombstoned', async () => {
    await using at = await withProxy()
    at.proxy.onRequest(onCreateCredential({ kind: 'answer', status: 500, body: { success: false } }))
    const body = newMember()

    const answer = await at.register(body)

    const [id] = at.proxy.createdIds()
    expect({ status: answer.status, code: answer.body.error.code }).toEqual({ status: 503, code: 'MEMBER-503-001' })
    expect((await registrationState({ service: at.user, authUrl: auth.url }, body.email)).member).toBe('none')
    // Tombstoned: a late create for that id is refused for good.
    const late = await call(`${auth.url}/internal/credentials`, {
      method: 'POST',
      body: { userId: id, email: body.email, password: body.password, roles: ['USER'] },
    })
    expect({ status: late.status, code: late.body.error.code }).toEqual({ status: 409, code: 'AUTH-409-002' })
  })

  test('when auth hangs past the client timeout and then forwards, then the answer is 503 and no orphan is left on either side', async () => {
    await using at = await withProxy()
    // The create is held past every attempt's timeout, then reaches auth: the worst case for an undo.
    at.proxy.onRequest(onCreateCredential({ kind: 'hold', forwarded: true }))
    const body = newMember()

    const answer = await at.register(body)
    await Promise.all(at.proxy.held.map((h) => h.release()))

    expect({ status: answer.status, code: answer.body.error.code }).toEqual({ status: 503, code: 'MEMBER-503-001' })
    const state = await eventually(async () => {
      const s = await registrationState({ service: at.user, authUrl: auth.url }, body.email)
      return s.member !== 'PENDING' && s
    })
    const ids = [...new Set(at.proxy.createdIds())]
    const credentials = await Promise.all(ids.map((id) => hasCredential(auth.url, id)))
    expect({ state, credentials }).toEqual({
      state: { member: 'none', credential: 'not checked' },
      credentials: ids.map(() => false),
    })
  })

  test('when auth does not answer at all, then the answer is 503, the member stays PENDING, and once auth is back the job deletes it and tombstones the id', async () => {
    await using at = await withProxy()
    at.proxy.onRequest(() => ({ kind: 'hang' }))
    const body = newMember()

    const answer = await at.register(body)
    const pending = await registrationState({ service: at.user, authUrl: auth.url }, body.email)
    at.proxy.forwardAll()

    const settled = await eventually(
      async () => {
        const s = await registrationState({ service: at.user, authUrl: auth.url }, body.email)
        return s.member !== 'PENDING' && s
      },
      { timeoutMs: 30_000 },
    )
    const [id] = at.proxy.createdIds()
    expect({ status: answer.status, pending: pending.member, settled }).toEqual({
      status: 503,
      pending: 'PENDING',
      settled: { member: 'none', credential: 'not checked' },
    })
    expect(await hasCredential(auth.url, id ?? 0)).toBe(false)
  })
})
