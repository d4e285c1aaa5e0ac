import { describe, expect, test } from 'bun:test'
import { eventually } from '@commerce/platform/testing'
import { call, newMember, registeredMember, userAndAuth } from './fixture'

const services = userAndAuth()
const me = (token: string, request: { method?: string; body?: unknown; raw?: string } = {}) =>
  call(`${services.user.url}/api/users/me`, { ...request, token })

describe('/api/users/me', () => {
  test('when a member reads /me, then it gets its own profile', async () => {
    const member = await registeredMember({ user: services.user.url, auth: services.auth.url })

    const answer = await me(member.token)

    expect(answer.body.data).toEqual({
      id: member.id,
      email: member.email,
      name: 'Kim Minsu',
      phone: null,
      role: 'USER',
      status: 'ACTIVE',
      createdAt: expect.any(String),
    })
  })

  test('when /me is called without a token or with a forged one, then the answer is 401', async () => {
    const answers = await Promise.all([
      call(`${services.user.url}/api/users/me`),
      me('eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.'),
    ])
    expect(answers.map((a) => [a.status, a.body.error.code])).toEqual([
      [401, 'COMMON-401-001'],
      [401, 'COMMON-401-001'],
    ])
  })

  test('when a member patches name and phone, then an absent field stays, phone null clears it, a bad phone is a 400', async () => {
    const member = await registeredMember({ user: services.user.url, auth: services.auth.url })

    const named = await me(member.token, { method: 'PATCH', body: { phone: '010-1111-2222' } })
    const renamed = await me(member.token, { method: 'PATCH', body: { name: 'Lee Jiwoo' } })
    const cleared = await me(member.token, { method: 'PATCH', body: { phone: null } })
    const bad = await me(member.token, { method: 'PATCH', body: { phone: '1234' } })
    const wrongType = await me(member.token, { method: 'PATCH', body: { name: 7 } })
    const malformed = await me(member.token, { method: 'PATCH', raw: '{' })
    const sneaky = await me(member.token, { method: 'PATCH', body: { role: 'ADMIN', status: 'LOCKED', id: 1 } })

    expect([named, renamed, cleared].map((a) => [a.body.data.name, a.body.data.phone])).toEqual([
      ['Kim Minsu', '010-1111-2222'],
      ['Lee Jiwoo', '010-1111-2222'],
      ['Lee Jiwoo', null],
    ])
    expect([bad, wrongType, malformed].map((a) => [a.status, a.body.error.code])).toEqual([
      [400, 'COMMON-400-004'],
      [400, 'COMMON-400-004'],
      [400, 'COMMON-400-001'],
    ])
    expect(bad.body.error.fieldErrors[0].field).toBe('phone')
    expect([sneaky.body.data.role, sneaky.body.data.status, sneaky.body.data.id]).toEqual(['USER', 'ACTIVE', member.id])
  })

  test('when a member withdraws, then /me is 404 MEMBER-404-001 and auth refuses its login once it consumed the event', async () => {
    const body = newMember()
    const member = await registeredMember({ user: services.user.url, auth: services.auth.url }, body)

    const withdrawn = await me(member.token, { method: 'DELETE' })
    const after = await me(member.token)
    const again = await me(member.token, { method: 'DELETE' })

    expect([withdrawn.status, after.status, after.body.error.code, again.status]).toEqual([
      200,
      404,
      'MEMBER-404-001',
      404,
    ])
    const refused = await eventually(
      async () => {
        const login = await call(`${services.auth.url}/api/auth/login`, { method: 'POST', body })
        return login.status === 401 && login
      },
      { timeoutMs: 45_000, what: 'auth refusing the withdrawn member' },
    )
    expect(refused.body.error.code).toBe('AUTH-401-001')
  })
})
