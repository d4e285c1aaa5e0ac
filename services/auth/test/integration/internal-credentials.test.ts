import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import type { RunningService } from '@commerce/platform/service'
import { startTestService } from '@commerce/platform/testing'
import { authService } from '../../src/app'
import { authConfig, call, createCredential, freshMember } from './auth-fixture'

let service: RunningService<Record<string, unknown>, ReturnType<typeof authConfig>>
beforeAll(async () => {
  service = await startTestService(authService(authConfig()))
})
afterAll(() => service.stop())

describe('internal credentials API', () => {
  test('when a credential is created, then it is stored normalized and readable by user id', async () => {
    const member = freshMember()
    const created = await call(`${service.url}/internal/credentials`, {
      body: { ...member, email: `  ${member.email.toUpperCase()} `, roles: ['USER'], status: 'LOCKED' },
    })
    const read = await call(`${service.url}/internal/credentials/${member.userId}`)

    expect({ created: [created.status, created.body.data], read: [read.status, read.body.data] }).toEqual({
      created: [201, { userId: member.userId, email: member.email, roles: ['USER'] }],
      read: [200, { userId: member.userId, email: member.email, roles: ['USER'], status: 'ACTIVE' }],
    })
  })

  test('when the same user id and email are posted again, then the answer is 200 with the same data', async () => {
    const member = freshMember()
    const first = await createCredential(service.url, member)
    const again = await createCredential(service.url, { ...member, password: 'another-password' }, ['USER', 'ADMIN'])

    expect([again.status, again.body.data]).toEqual([200, first.body.data])
  })

  test('when the same new credential is posted concurrently, then one creates it and the other gets the same data', async () => {
    const member = freshMember()
    const answers = await Promise.all([createCredential(service.url, member), createCredential(service.url, member)])

    expect(answers.map((a) => a.status).sort()).toEqual([200, 201])
    expect(answers[0]?.body.data).toEqual(answers[1]?.body.data)
  })

  test('when the email belongs to another user id, then 409 AUTH-409-001', async () => {
    const member = freshMember()
    await createCredential(service.url, member)
    const taken = await createCredential(service.url, { ...freshMember(), email: member.email.toUpperCase() })

    expect([taken.status, taken.body.error?.code]).toEqual([409, 'AUTH-409-001'])
  })

  test('when a user id is cancelled, then its credential is gone and a late create is refused forever', async () => {
    const member = freshMember()
    await createCredential(service.url, member)
    const cancelled = await call(`${service.url}/internal/credentials/${member.userId}`, { method: 'DELETE' })
    const again = await call(`${service.url}/internal/credentials/${member.userId}`, { method: 'DELETE' })
    const late = await createCredential(service.url, member)
    const read = await call(`${service.url}/internal/credentials/${member.userId}`)

    expect({
      cancelled: cancelled.body.data,
      again: again.body.data,
      late: [late.status, late.body.error?.code],
      read: [read.status, read.body.error?.code],
    }).toEqual({
      cancelled: { deleted: true },
      again: { deleted: false },
      late: [409, 'AUTH-409-002'],
      read: [404, 'AUTH-404-001'],
    })
  })

  test('when a user id is cancelled before its create arrives, then the create is refused', async () => {
    const member = freshMember()
    const cancelled = await call(`${service.url}/internal/credentials/${member.userId}`, { method: 'DELETE' })
    const late = await createCredential(service.url, member)

    expect([cancelled.body.data, late.status, late.body.error?.code]).toEqual([{ deleted: false }, 409, 'AUTH-409-002'])
  })

  test('when the input is bad, then 400 with a code and the fields at fault', async () => {
    const url = `${service.url}/internal/credentials`
    const member = freshMember()
    const cases = await Promise.all([
      call(url, { body: '{"userId": 1,' }),
      call(url, { body: { ...member, password: 'short', roles: ['USER'] } }),
      call(url, { body: { ...member, password: 'x'.repeat(73), roles: ['USER'] } }),
      call(url, { body: { ...member, roles: ['ROOT'] } }),
      call(url, { body: { ...member, userId: 1.5, roles: ['USER'] } }),
      call(url, { body: { ...member, email: 'not-an-email', roles: ['USER'] } }),
      call(url, { body: { ...member, email: `${'a'.repeat(100_000)}@x.com`, roles: ['USER'] } }),
      call(`${url}/abc`),
    ])
    const summary = cases.map((c) => {
      const error = c.body.error
      return [c.status, error?.code, error?.fieldErrors?.map((f) => f.field)[0]]
    })

    expect(summary).toEqual([
      [400, 'COMMON-400-001', undefined],
      [400, 'COMMON-400-004', 'password'],
      [400, 'COMMON-400-004', 'password'],
      [400, 'COMMON-400-004', 'roles[0]'],
      [400, 'COMMON-400-004', 'userId'],
      [400, 'COMMON-400-004', 'email'],
      [400, 'COMMON-400-004', 'email'],
      [400, 'COMMON-400-004', 'userId'],
    ])
  })
})
