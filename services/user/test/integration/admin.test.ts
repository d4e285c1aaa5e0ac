import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { eventually, freshName } from '@commerce/platform/testing'
import { call, login, membersOf, newMember, registeredMember, startUser, type UserService } from './fixture'
import { type SpawnedService, spawnAuth } from './processes'

let auth: SpawnedService
let user: UserService
let adminToken: string
const admin = { email: `${freshName('admin')}@example.com`.toLowerCase(), password: 'admin password 1' }
const asAdmin = (path: string, request: { method?: string; body?: unknown } = {}) =>
  call(`${user.url}${path}`, { ...request, token: adminToken })

beforeAll(async () => {
  auth = await spawnAuth()
  // The seed registers the demo admin through the same path as everyone (roles USER + ADMIN at auth).
  const seeding = { SEED_DEMO_DATA: 'true', ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password }
  user = await startUser({ authUrl: auth.url }, seeding)
  adminToken = await login(auth.url, admin)
})
afterAll(async () => {
  await user.stop()
  await auth[Symbol.asyncDispose]()
})

describe('admin routes', () => {
  test('when the service starts with SEED_DEMO_DATA twice, then one ADMIN member exists and the seed is idempotent', async () => {
    await using again = await startUser(
      { authUrl: auth.url },
      { SEED_DEMO_DATA: 'true', ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password },
    )
    const rows = await membersOf(again, admin.email)
    expect(rows.map((r) => [r.role, r.status])).toEqual([['ADMIN', 'ACTIVE']])
  })

  test('when an admin reads, lists and edits a member, then it sees it; a non-admin gets 403 and an anonymous caller 401', async () => {
    const member = await registeredMember({ user: user.url, auth: auth.url })

    const read = await asAdmin(`/api/users/${member.id}`)
    const edited = await asAdmin(`/api/users/${member.id}`, { method: 'PATCH', body: { phone: '010-9999-8888' } })
    // At least two members exist whatever the database held before: the seeded admin and this one.
    const listed = await asAdmin('/api/users?page=0&size=2')
    const forbidden = await call(`${user.url}/api/users/${member.id}`, { token: member.token })
    const anonymous = await call(`${user.url}/api/users?page=0&size=5`)

    expect([read.body.data.email, edited.body.data.phone, edited.body.data.name]).toEqual([
      member.email,
      '010-9999-8888',
      'Kim Minsu',
    ])
    expect({ ...listed.body.data, items: listed.body.data.items.length }).toEqual({
      items: 2,
      page: 0,
      size: 2,
      totalItems: expect.any(Number),
      totalPages: Math.ceil(listed.body.data.totalItems / 2),
    })
    expect([forbidden.status, forbidden.body.error.code, anonymous.status]).toEqual([403, 'COMMON-403', 401])
  })

  test('when an admin locks a member, then it is LOCKED, a second lock is 409 MEMBER-409-003, its /me is 404, and auth refuses its login once it consumed user.locked', async () => {
    const body = newMember()
    const member = await registeredMember({ user: user.url, auth: auth.url }, body)

    const locked = await asAdmin(`/api/users/${member.id}`, { method: 'DELETE' })
    const again = await asAdmin(`/api/users/${member.id}`, { method: 'DELETE' })
    const me = await call(`${user.url}/api/users/me`, { token: member.token })

    expect([locked.status, again.status, again.body.error.code, me.status]).toEqual([200, 409, 'MEMBER-409-003', 404])
    const refused = await eventually(
      async () => {
        const login = await call(`${auth.url}/api/auth/login`, { method: 'POST', body })
        return login.status === 403 && login.body.error.code
      },
      { timeoutMs: 45_000, what: 'auth refusing the locked member' },
    )
    expect(refused).toBe('AUTH-403-001')
  })

  test('when an admin locks a withdrawn member, then the answer is 409 MEMBER-409-002', async () => {
    const member = await registeredMember({ user: user.url, auth: auth.url })
    await call(`${user.url}/api/users/me`, { method: 'DELETE', token: member.token })

    const locked = await asAdmin(`/api/users/${member.id}`, { method: 'DELETE' })

    expect([locked.status, locked.body.error.code]).toEqual([409, 'MEMBER-409-002'])
  })

  test('when an admin tries to withdraw or to lock an admin, then 409 MEMBER-409-005 / -006 and the admin stays ACTIVE', async () => {
    const me = await asAdmin('/api/users/me')
    const withdraw = await asAdmin('/api/users/me', { method: 'DELETE' })
    const lock = await asAdmin(`/api/users/${me.body.data.id}`, { method: 'DELETE' })
    const after = await asAdmin('/api/users/me')
    expect([
      withdraw.status,
      withdraw.body.error.code,
      lock.status,
      lock.body.error.code,
      after.body.data.status,
    ]).toEqual([409, 'MEMBER-409-005', 409, 'MEMBER-409-006', 'ACTIVE'])
  })

  test('when admin inputs are bad, then each answer is a 4xx with a code, never a 5xx', async () => {
    const answers = await Promise.all([
      asAdmin('/api/users/abc'),
      asAdmin('/api/users/0'),
      asAdmin('/api/users/99999999999999999999'),
      asAdmin('/api/users?page=-1'),
      asAdmin('/api/users?size=100000'),
      asAdmin('/api/users/99999999', { method: 'PATCH', body: { name: 'x' } }),
      asAdmin('/api/users/1', { method: 'PATCH', body: { phone: 'nope' } }),
    ])
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400, 404, 400])
  })
})
