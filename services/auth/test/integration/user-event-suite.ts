import { afterAll, beforeAll, expect, test } from 'bun:test'
import type { EventDefinition } from '@commerce/contracts'
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
import type { TSchema } from '@sinclair/typebox'
import { authService } from '../../src/app'
import { authConfig, call, createCredential, freshMember, login } from './auth-fixture'

type AuthService = RunningService<Record<string, unknown>, ReturnType<typeof authConfig>>

/** Auth in-process for one test file, with the helpers a user-event handler's tests need. */
export function authForUserEvents() {
  const ctx = {} as { service: AuthService }
  beforeAll(async () => {
    ctx.service = await startTestService(authService(authConfig()))
  })
  afterAll(() => ctx.service.stop())
  const statusOf = async (userId: number) =>
    ((await call(`${ctx.service.url}/internal/credentials/${userId}`)).body.data as { status: string }).status
  const loggedIn = async () => {
    const member = freshMember()
    await createCredential(ctx.service.url, member)
    return { member, refreshToken: (await login(ctx.service.url, member)).body.data.refreshToken as string }
  }
  return { ctx, statusOf, loggedIn }
}

/**
 * The two delivery tests every user-event handler of auth owes (STYLE §5.8): the same event twice takes effect once,
 * and a payload breaking the contract is dead-lettered while the partition moves on. `dataFor` builds a valid payload.
 */
export function deliveryTests<S extends TSchema>(
  suite: ReturnType<typeof authForUserEvents>,
  handled: {
    definition: EventDefinition<S>
    dataFor: (userId: number) => Parameters<EventDefinition<S>['create']>[0]
    status: string
  },
) {
  const { ctx, statusOf, loggedIn } = suite
  const { definition, dataFor, status } = handled
  const inbox = (eventId: string) => inboxRows(ctx.service.deps.db, { consumer: 'auth', eventId })

  test(`when the same ${definition.type} arrives twice, then it takes effect once`, async () => {
    const { member } = await loggedIn()
    const data = dataFor(member.userId)
    const twice = await publishRepeatedly(ctx.service.deps.kafka, definition, { data, times: 2 })
    // Same key, same partition: once this later event is in, both deliveries before it were handled.
    const later = await publishEvent(ctx.service.deps.kafka, definition, data)
    await eventually(async () => (await inbox(later.id)) === 1)

    expect([await inbox(twice.id), await statusOf(member.userId)]).toEqual([1, status])
  })

  test(`when a ${definition.type} payload breaks the contract, then it lands in the DLQ and the partition moves on`, async () => {
    const { member } = await loggedIn()
    await using dlq = await tapTopics(ctx.service.deps.kafka, [`${definition.topic}.dlq`])
    const valid = dataFor(member.userId)
    const broken = await publishBroken(ctx.service.deps.kafka, definition, { valid, broken: { userId: 'seventeen' } })
    await publishEvent(ctx.service.deps.kafka, definition, valid)

    const letter = await eventually(() => dlq.records.find((r) => r.headers['id'] === broken.id))
    await eventually(async () => (await statusOf(member.userId)) === status)

    expect([letter.headers['dlq-reason'], await inbox(broken.id)]).toEqual(['contract-violation', 0])
  })
}
