import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { eventually } from '@commerce/platform/testing'
import { inArray } from 'drizzle-orm'
import { members } from '../../src/db/schema'
import { faultProxy } from './fault-proxy'
import { call, hasCredential, newMember, type Reply, startUser } from './fixture'
import { type SpawnedService, spawnAuth, spawnService, userEnv } from './processes'

let auth: SpawnedService
beforeAll(async () => {
  auth = await spawnAuth()
})
afterAll(async () => {
  await auth[Symbol.asyncDispose]()
})

describe('graceful shutdown of the user service', () => {
  test('when SIGTERM arrives during a burst of registrations, then every request is answered or refused at connect, and after the job member ⇔ credential for every one', async () => {
    // Forwards everything; it only records which member ids auth was asked to create credentials for.
    await using recorder = faultProxy(auth.url)
    const user = await spawnService(
      'user',
      // A loaded CI machine hashes slowly: auth's answer may take over the default 1 s, which would turn the burst into 503s.
      userEnv({ authUrl: recorder.url, jwksFrom: auth.url }, { SHUTDOWN_DRAIN_MS: '200', AUTH_TIMEOUT_MS: '10000' }),
    )
    const bodies = Array.from({ length: 80 }, () => newMember('burst'))
    const answers: Reply[] = []
    let sent = 0
    const workers = Array.from({ length: 12 }, async () => {
      while (sent < bodies.length) {
        const n = sent++
        answers.push(await call(`${user.url}/api/users/register`, { method: 'POST', body: bodies[n] }))
        if (n === 20) user.child.kill('SIGTERM')
      }
    })
    await Promise.all(workers)
    const exitCode = await user.child.exited

    await using resolver = await startUser(
      { authUrl: auth.url },
      { REGISTRATION_PENDING_TIMEOUT_S: '2', REGISTRATION_RESOLVE_EVERY_S: '1' },
    )
    const emails = bodies.map((b) => b.email)
    const rows = await eventually(
      async () => {
        const found = await resolver.deps.db.select().from(members).where(inArray(members.email, emails))
        return found.every((m) => m.status !== 'PENDING') && found
      },
      { timeoutMs: 30_000, what: 'no PENDING member left from the burst' },
    )
    const ids = [...new Set(recorder.createdIds())]
    const pairs = await Promise.all(
      ids.map(async (id) => ({ member: rows.some((m) => m.id === id), credential: await hasCredential(auth.url, id) })),
    )
    const statuses = [...new Set(answers.map((a) => a.status))].sort()
    const created = answers.filter((a) => a.status === 201).length
    // One expectation with every fact, so a failure on a loaded machine shows the whole picture at once.
    expect({
      exitCode,
      unexpected: statuses.filter((s) => ![0, 201, 503].includes(s)),
      someCreatedBeforeTheSignal: created >= 5,
      memberWithoutCredentialOrReverse: pairs.filter((p) => p.member !== p.credential),
      activeMemberAuthNeverSaw: rows.filter((m) => !ids.includes(m.id)).map((m) => m.id),
    }).toEqual({
      exitCode: 0,
      unexpected: [],
      someCreatedBeforeTheSignal: true,
      memberWithoutCredentialOrReverse: [],
      activeMemberAuthNeverSaw: [],
    })
  })
})
