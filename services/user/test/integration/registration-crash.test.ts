import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { eventually, waitForOutboxEvent } from '@commerce/platform/testing'
import { faultProxy, onCreateCredential } from './fault-proxy'
import { call, hasCredential, membersOf, newMember, registrationState, startUser } from './fixture'
import { type SpawnedService, spawnAuth, spawnService, userEnv } from './processes'

let auth: SpawnedService
beforeAll(async () => {
  auth = await spawnAuth()
})
afterAll(async () => {
  await auth[Symbol.asyncDispose]()
})

/**
 * Registers through a spawned user service whose create call the proxy holds (after forwarding it to auth, or not),
 * and SIGKILLs that process while the call is held. Then a fresh replica's resolve job settles what was left.
 */
async function registerAndKill(forwarded: boolean) {
  const proxy = faultProxy(auth.url)
  proxy.onRequest(onCreateCredential({ kind: 'hold', forwarded }))
  const victim = await spawnService(
    'user',
    userEnv({ authUrl: proxy.url, jwksFrom: auth.url }, { AUTH_TIMEOUT_MS: '10000' }),
  )
  const body = newMember('killed')
  const answer = call(`${victim.url}/api/users/register`, { method: 'POST', body })
  await eventually(() => proxy.held.length > 0, { what: 'the create call held by the proxy' })
  await victim.kill()
  const resolver = await startUser(
    { authUrl: auth.url },
    { REGISTRATION_PENDING_TIMEOUT_S: '2', REGISTRATION_RESOLVE_EVERY_S: '1' },
  )
  const settled = await eventually(
    async () => {
      const state = await registrationState({ service: resolver, authUrl: auth.url }, body.email)
      return state.member !== 'PENDING' && state
    },
    { timeoutMs: 30_000, what: 'the registration settled by the job' },
  )
  return { proxy, resolver, body, settled, answered: (await answer).status }
}

describe('registration when the user service is killed mid-call', () => {
  test('when the create had reached auth before the kill, then the job completes the registration: ACTIVE with a credential, user.registered written', async () => {
    const run = await registerAndKill(true)
    try {
      const [member] = await membersOf(run.resolver, run.body.email)
      expect({ answered: run.answered, settled: run.settled }).toEqual({
        answered: 0,
        settled: { member: 'ACTIVE', credential: true },
      })
      const registered = (e: { data: unknown }) => (e.data as { userId: number }).userId === member?.id
      expect(await waitForOutboxEvent(run.resolver.deps.db, 'user.registered', registered)).toBeDefined()
      const login = await call(`${auth.url}/api/auth/login`, { method: 'POST', body: run.body })
      expect({ login: login.status, sub: member?.id }).toEqual({ login: 200, sub: run.proxy.createdIds()[0] })
    } finally {
      await run.resolver.stop()
      await run.proxy[Symbol.asyncDispose]()
    }
  })

  test('when the create had not reached auth before the kill, then the job deletes the member and tombstones its id: the late create is refused', async () => {
    const run = await registerAndKill(false)
    try {
      const [id] = run.proxy.createdIds()
      const [held] = run.proxy.held
      if (!held) throw new Error('no create call was held')
      const late = await held.release()
      expect({ answered: run.answered, settled: run.settled, late: late.status }).toEqual({
        answered: 0,
        settled: { member: 'none', credential: 'not checked' },
        late: 409,
      })
      expect({
        code: (late.body as { error: { code: string } }).error.code,
        credential: await hasCredential(auth.url, id ?? 0),
      }).toEqual({
        code: 'AUTH-409-002',
        credential: false,
      })
    } finally {
      await run.resolver.stop()
      await run.proxy[Symbol.asyncDispose]()
    }
  })
})
