import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import type { RunningService } from '@commerce/platform/service'
import { startTestService } from '@commerce/platform/testing'
import { authService } from '../../src/app'
import { authConfig, call, createCredential, freshMember, login, refresh } from './auth-fixture'

let service: RunningService<Record<string, unknown>, ReturnType<typeof authConfig>>
beforeAll(async () => {
  service = await startTestService(authService(authConfig()))
})
afterAll(() => service.stop())

async function loggedIn() {
  const member = freshMember()
  await createCredential(service.url, member)
  const answer = await login(service.url, member)
  return { member, refreshToken: answer.body.data.refreshToken }
}

describe('refresh and logout', () => {
  test('when a refresh token is used, then a new pair is issued and the cookie carries the new token', async () => {
    const { refreshToken } = await loggedIn()
    const rotated = await refresh(service.url, refreshToken)
    const next = rotated.body.data.refreshToken

    expect({
      status: rotated.status,
      different: next !== refreshToken,
      access: rotated.body.data.accessToken.split('.').length,
      cookie: rotated.headers.get('set-cookie')?.startsWith(`refreshToken=${next};`),
      nextWorks: (await refresh(service.url, next)).status,
    }).toEqual({ status: 200, different: true, access: 3, cookie: true, nextWorks: 200 })
  })

  test('when the refresh token comes only in the cookie, then it is accepted', async () => {
    const { refreshToken } = await loggedIn()
    const rotated = await call(`${service.url}/api/auth/refresh`, {
      method: 'POST',
      headers: { cookie: `other=1; refreshToken=${refreshToken}` },
    })

    expect(rotated.status).toBe(200)
  })

  test('when a rotated token is replayed, then 401 and the family newest token is dead too', async () => {
    const { refreshToken } = await loggedIn()
    const newest = (await refresh(service.url, refreshToken)).body.data.refreshToken

    const replay = await refresh(service.url, refreshToken)
    const afterReplay = await refresh(service.url, newest)

    expect([replay.status, replay.body.error?.code, afterReplay.status, afterReplay.body.error?.code]).toEqual([
      401,
      'AUTH-401-002',
      401,
      'AUTH-401-002',
    ])
  })

  test('when one token is refreshed concurrently, then exactly one request succeeds', async () => {
    const { refreshToken } = await loggedIn()
    const answers = await Promise.all(Array.from({ length: 5 }, () => refresh(service.url, refreshToken)))

    expect(answers.map((a) => a.status).sort()).toEqual([200, 401, 401, 401, 401])
  })

  test('when logging out, then the family is dead, the cookie is cleared, and logging out again is still 200', async () => {
    const { refreshToken } = await loggedIn()
    const rotated = (await refresh(service.url, refreshToken)).body.data.refreshToken

    const out = await call(`${service.url}/api/auth/logout`, { body: { refreshToken: rotated } })
    const again = await call(`${service.url}/api/auth/logout`, { body: { refreshToken: rotated } })
    const unknown = await call(`${service.url}/api/auth/logout`, { body: {} })
    const afterLogout = await refresh(service.url, rotated)

    expect({
      out: [out.status, out.body.data, out.headers.get('set-cookie')],
      again: [again.status, unknown.status],
      afterLogout: [afterLogout.status, afterLogout.body.error?.code],
    }).toEqual({
      out: [200, { loggedOut: true }, 'refreshToken=; Path=/api/auth; HttpOnly; Secure; SameSite=Strict; Max-Age=0'],
      again: [200, 200],
      afterLogout: [401, 'AUTH-401-002'],
    })
  })

  test('when the refresh token is unknown, missing or malformed, then 401 AUTH-401-002 or 400', async () => {
    const url = `${service.url}/api/auth/refresh`
    const cases = await Promise.all([
      refresh(service.url, 'not-a-real-token'),
      call(url, { body: {} }),
      call(url, { body: { refreshToken: 42 } }),
      call(url, { body: { refreshToken: 'x'.repeat(5000) } }),
    ])

    expect(cases.map((c) => [c.status, c.body.error?.code])).toEqual([
      [401, 'AUTH-401-002'],
      [401, 'AUTH-401-002'],
      [400, 'COMMON-400-004'],
      [400, 'COMMON-400-004'],
    ])
  })
})
