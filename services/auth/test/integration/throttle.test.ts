import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import type { RunningService } from '@commerce/platform/service'
import { startTestService } from '@commerce/platform/testing'
import { authService } from '../../src/app'
import { authConfig, createCredential, freshAddress, freshMember, login, metricValue } from './auth-fixture'

let service: RunningService<Record<string, unknown>, ReturnType<typeof authConfig>>
beforeAll(async () => {
  // Per-address limit lowered so the test needs few hashes; the per-account one stays at its default of 5.
  service = await startTestService(authService(authConfig({ AUTH_THROTTLE_IP_FAILURES: '6' })))
})
afterAll(() => service.stop())

const verifications = () => metricValue(service.url, 'auth_password_verifications_total')

async function failTimes(times: number, input: { email: string; address: string }) {
  for (let i = 0; i < times; i += 1) {
    const answer = await login(service.url, { email: input.email, password: `wrong-${i}` }, input.address)
    expect(answer.status).toBe(401)
  }
}

describe('login throttling', () => {
  test('when one account failed 5 times, then the next attempt is 429 with Retry-After and runs no hash', async () => {
    const member = freshMember()
    await createCredential(service.url, member)
    await failTimes(5, { email: member.email, address: freshAddress() })

    const before = await verifications()
    const throttled = await login(service.url, member, freshAddress())
    const after = await verifications()

    expect({
      status: throttled.status,
      code: throttled.body.error?.code,
      retryAfter: Number(throttled.headers.get('retry-after')) > 0,
      hashes: after - before,
    }).toEqual({ status: 429, code: 'AUTH-429-001', retryAfter: true, hashes: 0 })
  })

  test('when one address failed on many accounts, then that address is throttled but others are not', async () => {
    const address = freshAddress()
    for (let i = 0; i < 6; i += 1) await failTimes(1, { email: freshMember().email, address })
    const member = freshMember()
    await createCredential(service.url, member)

    const throttled = await login(service.url, member, address)
    const elsewhere = await login(service.url, member, freshAddress())

    expect([throttled.status, throttled.body.error?.code, Number(throttled.headers.get('retry-after')) > 0]).toEqual([
      429,
      'AUTH-429-001',
      true,
    ])
    expect(elsewhere.status).toBe(200)
  })

  test('when an account succeeded after failures, then the failures before the success no longer count', async () => {
    const member = freshMember()
    await createCredential(service.url, member)
    await failTimes(4, { email: member.email, address: freshAddress() })
    expect((await login(service.url, member, freshAddress())).status).toBe(200)
    await failTimes(4, { email: member.email, address: freshAddress() })

    const fifthAfterSuccess = await login(service.url, { ...member, password: 'wrong-again' }, freshAddress())
    const sixth = await login(service.url, member, freshAddress())

    expect([fifthAfterSuccess.status, sixth.status]).toEqual([401, 429])
  })
})
