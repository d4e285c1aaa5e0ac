import { describe, expect, test } from 'bun:test'
import { UserLockedV1 } from '@commerce/contracts/user'
import { eventually, publishEvent } from '@commerce/platform/testing'
import { login, refresh } from './auth-fixture'
import { authForUserEvents, deliveryTests } from './user-event-suite'

const suite = authForUserEvents()
const { ctx, statusOf, loggedIn } = suite
const dataFor = (userId: number) => ({ userId, lockedAt: new Date().toISOString() })

describe('on user.locked', () => {
  test('when user.locked arrives, then login (after the password verified) is 403 and refresh is refused', async () => {
    const { member, refreshToken } = await loggedIn()
    await publishEvent(ctx.service.deps.kafka, UserLockedV1, dataFor(member.userId))
    await eventually(async () => (await statusOf(member.userId)) === 'LOCKED')

    const loginAfter = await login(ctx.service.url, member)
    const wrongPassword = await login(ctx.service.url, { ...member, password: 'wrong-password' })
    const refreshAfter = await refresh(ctx.service.url, refreshToken)

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

  deliveryTests(suite, { definition: UserLockedV1, dataFor, status: 'LOCKED' })
})
