import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { UserLockedV1 } from '@commerce/contracts/user'
import type { RunningService } from '@commerce/platform/service'
import {
  eventually,
  inboxRows,
  publishBroken,
  publishEvent,
  publishRepeatedly,
  startTestService,
  tapTopics,
} from '@commerce/platform/testing'
import { authService } from '../../src/app'
import { authConfig, call, createCredential, freshMember, login, refresh } from './auth-fixture'

let service: RunningService<Record<string, unknown>, ReturnType<typeof authConfig>>
beforeAll(async () => {
  service = await startTestService(authService(authConfig()))
})
afterAll(() => service.stop())

const statusOf = async (userId: number) =>
  ((await call(`${service.url}/internal/credentials/${userId}`)).body.data as { status: string }).status

async function loggedIn() {
  const member = freshMember()
  await createCredential(service.url, member)
  return { member, refreshToken: (await login(service.url, member)).body.data.refreshToken }
}

describe('on user.locked', () => {
  test('when user.locked arrives, then login (after the password verified) is 403 and refresh is refused', async () => {
    const { member, refreshToken } = await loggedIn()
    await publishEvent(service.deps.kafka, UserLockedV1, { userId: member.userId, lockedAt: new Date().toISOString() })
    await eventually(async () => (await statusOf(member.userId)) === 'LOCKED')

    const loginAfter = await login(service.url, member)
    const wrongPassword = await login(service.url, { ...member, password: 'wrong-password' })
    const refreshAfter = await refresh(service.url, refreshToken)

    expect({
      login: [loginAfter.status, loginAfter.body.error?.code],
      wrongPassword: [wrongPassword.status, wrongPassword.body.error?.code],
      refresh: [refreshAfter.status, refreshAfter.body.error?.code],
    }).toEqual({
      login: [403, 'AUTH-403-001'],
      wrongPassword: [401, 'AUTH-401-001'],
      refresh: [401, 'AUTH-401-002'],
    })
  })

  test('when the same user.locked arrives twice, then it takes effect once', async () => {
    const { member } = await loggedIn()
    const data = { userId: member.userId, lockedAt: new Date().toISOString() }
    const twice = await publishRepeatedly(service.deps.kafka, UserLockedV1, { data, times: 2 })
    // Same key, same partition: once this later event is in, both deliveries before it were handled.
    const later = await publishEvent(service.deps.kafka, UserLockedV1, data)
    await eventually(async () => (await inboxRows(service.deps.db, { consumer: 'auth', eventId: later.id })) === 1)

    expect([
      await inboxRows(service.deps.db, { consumer: 'auth', eventId: twice.id }),
      await statusOf(member.userId),
    ]).toEqual([1, 'LOCKED'])
  })

  test('when the payload breaks the contract, then it lands in the DLQ and the partition moves on', async () => {
    const { member } = await loggedIn()
    await using dlq = await tapTopics(service.deps.kafka, ['commerce.user.events.dlq'])
    const valid = { userId: member.userId, lockedAt: new Date().toISOString() }
    const broken = await publishBroken(service.deps.kafka, UserLockedV1, {
      valid,
      broken: { userId: 'seventeen' },
    })
    await publishEvent(service.deps.kafka, UserLockedV1, valid)

    const letter = await eventually(() => dlq.records.find((r) => r.headers['id'] === broken.id))
    await eventually(async () => (await statusOf(member.userId)) === 'LOCKED')

    expect([
      letter.headers['dlq-reason'],
      await inboxRows(service.deps.db, { consumer: 'auth', eventId: broken.id }),
    ]).toEqual(['contract-violation', 0])
  })
})
