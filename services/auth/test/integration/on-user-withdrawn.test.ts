import { describe, expect, test } from 'bun:test'
import { UserWithdrawnV1 } from '@commerce/contracts/user'
import { eventually, publishEvent } from '@commerce/platform/testing'
import { login, refresh } from './auth-fixture'
import { authForUserEvents, deliveryTests } from './user-event-suite'

const suite = authForUserEvents()
const { ctx, statusOf, loggedIn } = suite
const dataFor = (userId: number) => ({ userId, withdrawnAt: new Date().toISOString() })

describe('on user.withdrawn', () => {
  test('when user.withdrawn arrives, then login and refresh are refused', async () => {
    const { member, refreshToken } = await loggedIn()
    await publishEvent(ctx.service.deps.kafka, UserWithdrawnV1, dataFor(member.userId))
    await eventually(async () => (await statusOf(member.userId)) === 'WITHDRAWN')

    const loginAfter = await login(ctx.service.url, member)
    const refreshAfter = await refresh(ctx.service.url, refreshToken)

    expect([
      loginAfter.status,
      loginAfter.body.error?.code,
      refreshAfter.status,
      refreshAfter.body.error?.code,
    ]).toEqual([401, 'AUTH-401-001', 401, 'AUTH-401-002'])
  })

  deliveryTests(suite, { definition: UserWithdrawnV1, dataFor, status: 'WITHDRAWN' })
})
