import { describe, expect, test } from 'bun:test'
import { buyerPassword, registerBuyer } from '../src/actors'
import { codeOf, type Reply } from '../src/client'
import { e2eConfig } from '../src/config'
import { freshClientAddress, throughGateway } from '../src/front-door'
import { loginThroughGateway } from '../src/sessions'

// Every failed login here comes from a loopback address of its own (freshClientAddress), never 127.0.0.1, so the
// throttle these probes trip never reaches the other tests' logins.
const answer = (reply: Reply) => `${reply.status} ${codeOf(reply)}`
const wrong = (email: string) => ({ email, password: 'not-the-password-1' })

describe('attacks: login brute force', () => {
  test('when one account fails too often, then it is throttled (429 AUTH-429-001) from any address, even with the right password', async () => {
    const victim = await registerBuyer()
    const attacker = freshClientAddress()
    const failures = []
    for (let n = 0; n < e2eConfig.AUTH_THROTTLE_EMAIL_FAILURES; n++) {
      failures.push(answer(await loginThroughGateway(wrong(victim.email), attacker)))
    }

    const right = { email: victim.email, password: buyerPassword }
    const afterwards = {
      sameAddress: answer(await loginThroughGateway(right, attacker)),
      otherAddress: answer(await loginThroughGateway(right, freshClientAddress())),
    }

    expect({ failures: [...new Set(failures)], afterwards }).toEqual({
      failures: ['401 AUTH-401-001'],
      afterwards: { sameAddress: '429 AUTH-429-001', otherAddress: '429 AUTH-429-001' },
    })
  })

  test('when one address fails on many accounts while claiming other addresses in X-Forwarded-For, X-Real-IP and Forwarded, then that address is throttled and the claimed one is not', async () => {
    const [member, bystander] = await Promise.all([registerBuyer(), registerBuyer()])
    const attacker = freshClientAddress()
    // The address the attacker claims to be: if the gateway appended instead of replacing, its failures would land
    // there (framing it) and never on the attacker.
    const claimed = freshClientAddress()
    const spoofed = { 'x-forwarded-for': claimed, 'x-real-ip': claimed, forwarded: `for=${claimed}` }
    const failures = await Promise.all(
      Array.from({ length: e2eConfig.AUTH_THROTTLE_IP_FAILURES }, (_, n) =>
        throughGateway('/api/auth/login', {
          method: 'POST',
          body: wrong(`nobody-${n}-${crypto.randomUUID()}@e2e.example.com`),
          headers: spoofed,
          from: attacker,
        }),
      ),
    )

    const right = { email: member.email, password: buyerPassword }
    const afterwards = {
      attackerRightPassword: answer(
        await throughGateway('/api/auth/login', {
          method: 'POST',
          body: right,
          headers: { 'x-forwarded-for': freshClientAddress(), 'x-real-ip': freshClientAddress() },
          from: attacker,
        }),
      ),
      claimedAddress: (await loginThroughGateway({ email: bystander.email, password: buyerPassword }, claimed)).status,
      memberElsewhere: (await loginThroughGateway(right, freshClientAddress())).status,
    }

    expect({ failures: [...new Set(failures.map(answer))], afterwards }).toEqual({
      failures: ['401 AUTH-401-001'],
      afterwards: { attackerRightPassword: '429 AUTH-429-001', claimedAddress: 200, memberElsewhere: 200 },
    })
  })
})
