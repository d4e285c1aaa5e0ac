import { describe, expect, test } from 'bun:test'
import { createKafka } from '@commerce/platform/kafka'
import { createLogger } from '@commerce/platform/log'
import { eventually, freshName, tapTopics, testEnv } from '@commerce/platform/testing'
import { CloudEvent } from 'cloudevents'
import { call, hasCredential, login, membersOf, newMember, userAndAuth } from './fixture'

const services = userAndAuth()
const register = (body: unknown, key?: string) =>
  call(`${services.user.url}/api/users/register`, { method: 'POST', body, ...(key ? { key } : {}) })

describe('POST /api/users/register', () => {
  test('when a new email registers, then the member is ACTIVE, auth has its credential and it can log in', async () => {
    const body = { ...newMember(), phone: '010-1234-5678' }

    const answer = await register({ ...body, email: `  ${body.email.toUpperCase()} ` })

    const id = answer.body.data.id
    expect({ status: answer.status, data: answer.body.data }).toEqual({
      status: 201,
      data: { id, email: body.email, name: body.name },
    })
    const [member] = await membersOf(services.user, body.email)
    expect({
      status: member?.status,
      phone: member?.phone,
      credential: await hasCredential(services.auth.url, id),
    }).toEqual({
      status: 'ACTIVE',
      phone: '010-1234-5678',
      credential: true,
    })
    expect(await login(services.auth.url, body)).toBeString()
  })

  test('when a member registers, then user.registered arrives on commerce.user.events as a valid CloudEvent keyed by the user id', async () => {
    const kafka = createKafka({
      brokers: testEnv().kafkaBrokers,
      clientId: freshName('tap'),
      logger: createLogger({}, 'warn'),
    })
    await using tap = await tapTopics(kafka, ['commerce.user.events'])
    const body = newMember()

    const id = (await register(body)).body.data.id

    const record = await eventually(
      () => tap.records.find((r) => r.key === String(id) && r.value?.includes('"user.registered"')),
      { timeoutMs: 30_000, what: 'user.registered on the wire' },
    )
    const event = new CloudEvent<unknown>(JSON.parse(record.value ?? '{}'), true)
    expect({
      type: event.type,
      source: event.source,
      subject: event.subject,
      specversion: event.specversion,
      data: event.data,
    }).toEqual({
      type: 'user.registered',
      source: '/commerce/user',
      subject: `user/${id}`,
      specversion: '1.0',
      data: { userId: id, email: body.email, name: body.name, registeredAt: expect.any(String) },
    })
    expect([typeof event['correlationid'], typeof event['causationid']]).toEqual(['string', 'string'])
  })

  test('when 8 registrations of one email race, then exactly one member and one credential exist and the others get 409', async () => {
    const body = newMember('race')

    const answers = await Promise.all(Array.from({ length: 8 }, () => register(body)))

    const statuses = answers.map((a) => a.status).sort()
    const rows = await membersOf(services.user, body.email)
    expect({ statuses, members: rows.length, status: rows[0]?.status }).toEqual({
      statuses: [201, 409, 409, 409, 409, 409, 409, 409],
      members: 1,
      status: 'ACTIVE',
    })
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'MEMBER-409-001')).toBe(true)
    expect(await hasCredential(services.auth.url, rows[0]?.id ?? 0)).toBe(true)
  })

  test('when an email is registered again in another case, then the answer is 409 MEMBER-409-001', async () => {
    const body = newMember()
    await register(body)

    const again = await register({ ...body, email: body.email.toUpperCase(), name: 'Other' })

    expect({ status: again.status, code: again.body.error.code }).toEqual({ status: 409, code: 'MEMBER-409-001' })
  })

  test('when the same Idempotency-Key comes with the same body, then the first answer is replayed; with another body, 422', async () => {
    const body = newMember()
    const key = freshName('register')

    const first = await register(body, key)
    const replay = await register(body, key)
    const other = await register(newMember(), key)

    expect({ replay: replay.status, same: replay.body.data, other: other.status, code: other.body.error.code }).toEqual(
      {
        replay: 201,
        same: first.body.data,
        other: 422,
        code: 'COMMON-422-001',
      },
    )
    expect((await membersOf(services.user, body.email)).length).toBe(1)
  })

  test('when unknown fields try to set role, status or id, then they are ignored', async () => {
    const body = newMember()

    const answer = await register({ ...body, role: 'ADMIN', roles: ['ADMIN'], status: 'LOCKED', id: 1 })

    const [member] = await membersOf(services.user, body.email)
    expect({ status: answer.status, role: member?.role, memberStatus: member?.status }).toEqual({
      status: 201,
      role: 'USER',
      memberStatus: 'ACTIVE',
    })
    expect(answer.body.data.id).not.toBe(1)
  })

  test('when the input is invalid, then each answer is a 400 with a code and nothing is written', async () => {
    const body = newMember()
    const cases = [
      { raw: '{"email":' },
      { raw: '[]' },
      { raw: '"text"' },
      { body: { ...body, email: 'not-an-email' } },
      { body: { ...body, email: 42 } },
      { body: { ...body, password: 'short' } },
      { body: { ...body, name: '' } },
      { body: { ...body, name: 'x'.repeat(5_000) } },
      { body: { ...body, phone: '02-123-4567' } },
      { body: { ...body, phone: { nested: { deeper: [1, 2, 3] } } } },
    ]

    const answers = await Promise.all(
      cases.map((c) => call(`${services.user.url}/api/users/register`, { method: 'POST', ...c })),
    )

    const shapes = answers.map((a) => ({ status: a.status, code: a.body?.error?.code?.slice(0, 10) }))
    expect(shapes.every((s) => s.status === 400 && s.code === 'COMMON-400')).toBe(true)
    expect(answers.slice(3).every((a) => a.body.error.fieldErrors.length > 0)).toBe(true)
    expect((await membersOf(services.user, body.email)).length).toBe(0)
  })
})
