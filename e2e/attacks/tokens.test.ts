import { describe, expect, test } from 'bun:test'
import { codeOf, waitFor } from '../src/client'
import { throughGateway } from '../src/front-door'
import { buyerWithSession, refreshThroughGateway } from '../src/sessions'
import { flippedSignature, signedByAuth, signedByStranger, unsigned, withClaims } from '../src/tokens'

// One route per service that verifies tokens itself (user, order, payment), and an ADMIN-only one.
const protectedRoutes = {
  user: '/api/users/me',
  orders: '/api/orders?page=0&size=1',
  cart: '/api/carts/me',
  payment: '/api/payments/orders/1',
  adminList: '/api/users?page=0&size=1',
}

/** `status code` of each protected route called with `token`. */
async function answersTo(token: string) {
  const entries = await Promise.all(
    Object.entries(protectedRoutes).map(async ([name, path]) => {
      const reply = await throughGateway(path, { token })
      return [name, reply.status === 200 ? '200' : `${reply.status} ${codeOf(reply)}`] as const
    }),
  )
  return Object.fromEntries(entries)
}

const everywhere = (answer: string) => Object.fromEntries(Object.keys(protectedRoutes).map((name) => [name, answer]))

describe('attacks: tokens', () => {
  test('when a forged, altered, expired or refresh token is sent through the gateway, then every service answers 401 with a code', async () => {
    const [{ buyer, session }, { buyer: other }] = await Promise.all([buyerWithSession(), buyerWithSession()])
    const now = Math.floor(Date.now() / 1000)
    const forgeries = {
      algNone: unsigned(session.accessToken),
      foreignKey: await signedByStranger(session.accessToken),
      foreignKeyAdmin: await signedByStranger(session.accessToken, { roles: ['USER', 'ADMIN'] }),
      flippedSignature: flippedSignature(session.accessToken),
      roleAdmin: withClaims(session.accessToken, { roles: ['USER', 'ADMIN'] }),
      anotherSub: withClaims(session.accessToken, { sub: String(other.userId) }),
      expired: await signedByAuth(session.accessToken, { iat: now - 7200, exp: now - 3600 }),
      refreshAsAccess: session.refreshToken,
    }

    const answers = Object.fromEntries(
      await Promise.all(Object.entries(forgeries).map(async ([name, token]) => [name, await answersTo(token)])),
    )

    expect({
      genuine: await answersTo(session.accessToken),
      // Auth's own key, claims untouched: proves `expired` fails on its expiry alone.
      resignedByAuth: await answersTo(await signedByAuth(session.accessToken, {})),
      ...answers,
      buyerStillHimself: (await throughGateway('/api/users/me', { token: session.accessToken })).body?.data?.id,
    }).toEqual({
      genuine: { ...everywhere('200'), payment: '404 PAYMENT-404-001', adminList: '403 COMMON-403' },
      resignedByAuth: { ...everywhere('200'), payment: '404 PAYMENT-404-001', adminList: '403 COMMON-403' },
      algNone: everywhere('401 COMMON-401-001'),
      foreignKey: everywhere('401 COMMON-401-001'),
      foreignKeyAdmin: everywhere('401 COMMON-401-001'),
      flippedSignature: everywhere('401 COMMON-401-001'),
      roleAdmin: everywhere('401 COMMON-401-001'),
      anotherSub: everywhere('401 COMMON-401-001'),
      expired: everywhere('401 COMMON-401-002'),
      refreshAsAccess: everywhere('401 COMMON-401-001'),
      buyerStillHimself: buyer.userId,
    })
  })

  test('when a rotated refresh token is replayed, then 401 AUTH-401-002 and its whole family is revoked', async () => {
    const { session } = await buyerWithSession()
    const rotated = await refreshThroughGateway(session.refreshToken)
    const newest = rotated.body?.data?.refreshToken as string

    const replay = await refreshThroughGateway(session.refreshToken)
    const newestAfterReplay = await refreshThroughGateway(newest)

    expect([
      rotated.status,
      replay.status,
      codeOf(replay),
      newestAfterReplay.status,
      codeOf(newestAfterReplay),
    ]).toEqual([200, 401, 'AUTH-401-002', 401, 'AUTH-401-002'])
  })

  test('when a member logs out, then the refresh token kept from before is refused with 401 AUTH-401-002', async () => {
    const { session } = await buyerWithSession()
    const logout = await throughGateway('/api/auth/logout', {
      method: 'POST',
      body: { refreshToken: session.refreshToken },
    })

    const kept = await refreshThroughGateway(session.refreshToken)

    expect([logout.status, kept.status, codeOf(kept)]).toEqual([200, 401, 'AUTH-401-002'])
  })

  test('when a member withdraws, then its refresh tokens stop working (401 AUTH-401-002) once auth hears of it', async () => {
    const { buyer, session } = await buyerWithSession()
    const withdrawn = await throughGateway('/api/users/me', { method: 'DELETE', token: session.accessToken })

    // Auth learns of the withdrawal from user.withdrawn; until then a refresh still rotates, so follow the newest token.
    let refreshToken = session.refreshToken
    const refused = await waitFor(async () => {
      const reply = await refreshThroughGateway(refreshToken)
      if (reply.status === 200) refreshToken = reply.body.data.refreshToken
      return reply.status !== 200 && reply
    }, `refresh of withdrawn member ${buyer.userId} refused`)

    expect([withdrawn.status, refused.status, codeOf(refused)]).toEqual([200, 401, 'AUTH-401-002'])
  })
})
