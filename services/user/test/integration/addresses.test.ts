import { describe, expect, test } from 'bun:test'
import { freshName } from '@commerce/platform/testing'
import { call, registeredMember, userAndAuth } from './fixture'

const services = userAndAuth()

const address = (label: string, isDefault?: boolean) => ({
  label,
  recipient: 'Kim Minsu',
  phone: '010-1234-5678',
  zipCode: '06236',
  address: 'Teheran-ro 1, Gangnam-gu',
  addressDetail: '3F',
  ...(isDefault === undefined ? {} : { isDefault }),
})

function book(token: string) {
  const base = `${services.user.url}/api/users/me/addresses`
  return {
    add: (body: unknown, key?: string) => call(base, { method: 'POST', body, token, ...(key ? { key } : {}) }),
    list: async () => (await call(base, { token })).body.data as { id: number; label: string; isDefault: boolean }[],
    patch: (id: number, body: unknown) => call(`${base}/${id}`, { method: 'PATCH', body, token }),
    remove: (id: number | string) => call(`${base}/${id}`, { method: 'DELETE', token }),
  }
}

const defaults = (list: { label: string; isDefault: boolean }[]) => list.filter((a) => a.isDefault).map((a) => a.label)

describe('/api/users/me/addresses', () => {
  test('when addresses are added, then the first is the default, isDefault:true takes it over, and the list shows the default first', async () => {
    const { token } = await registeredMember({ user: services.user.url, auth: services.auth.url })
    const addresses = book(token)

    const home = await addresses.add(address('home'))
    await addresses.add(address('office'))
    await addresses.add(address('parents', true))

    const list = await addresses.list()
    expect({
      status: home.status,
      first: home.body.data.isDefault,
      labels: list.map((a) => a.label),
      defaults: defaults(list),
    }).toEqual({
      status: 201,
      first: true,
      labels: ['parents', 'office', 'home'],
      defaults: ['parents'],
    })
  })

  test('when the default is deleted, then the newest remaining address becomes the default; the deleted one is gone from the list', async () => {
    const { token } = await registeredMember({ user: services.user.url, auth: services.auth.url })
    const addresses = book(token)
    const home = (await addresses.add(address('home'))).body.data
    await addresses.add(address('office'))
    await addresses.add(address('gym'))

    const removed = await addresses.remove(home.id)

    const list = await addresses.list()
    expect({ removed: removed.status, labels: list.map((a) => a.label), defaults: defaults(list) }).toEqual({
      removed: 200,
      labels: ['gym', 'office'],
      defaults: ['gym'],
    })
  })

  test('when an address is patched, then fields change, isDefault moves the default, and unsetting the only default keeps it', async () => {
    const { token } = await registeredMember({ user: services.user.url, auth: services.auth.url })
    const addresses = book(token)
    const home = (await addresses.add(address('home'))).body.data
    const office = (await addresses.add(address('office'))).body.data

    const moved = await addresses.patch(office.id, { isDefault: true, addressDetail: '12F' })
    const unset = await addresses.patch(office.id, { isDefault: false })
    await addresses.remove(office.id)
    const only = await addresses.patch(home.id, { isDefault: false })

    expect([
      moved.body.data.addressDetail,
      moved.body.data.isDefault,
      unset.body.data.isDefault,
      only.body.data.isDefault,
    ]).toEqual(['12F', true, false, true])
    expect(defaults(await addresses.list())).toEqual(['home'])
  })

  test('when 12 addresses are added at once, then exactly 10 exist, the rest get 400 MEMBER-400-004, and exactly one is the default', async () => {
    const { token } = await registeredMember({ user: services.user.url, auth: services.auth.url })
    const addresses = book(token)

    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => addresses.add(address(`a${i}`))))

    const list = await addresses.list()
    const refused = answers.filter((a) => a.status === 400).map((a) => a.body.error.code)
    expect({
      created: answers.filter((a) => a.status === 201).length,
      refused,
      live: list.length,
      defaults: defaults(list).length,
    }).toEqual({
      created: 10,
      refused: ['MEMBER-400-004', 'MEMBER-400-004'],
      live: 10,
      defaults: 1,
    })
  })

  test("when a member touches another member's address, then the answer is 404 MEMBER-404-002 and nothing changes", async () => {
    const owner = await registeredMember({ user: services.user.url, auth: services.auth.url })
    const other = await registeredMember({ user: services.user.url, auth: services.auth.url })
    const mine = (await book(owner.token).add(address('home'))).body.data

    const answers = await Promise.all([
      book(other.token).patch(mine.id, { label: 'stolen' }),
      book(other.token).remove(mine.id),
      book(other.token).remove(99_999_999),
    ])

    expect(answers.map((a) => [a.status, a.body.error.code])).toEqual([
      [404, 'MEMBER-404-002'],
      [404, 'MEMBER-404-002'],
      [404, 'MEMBER-404-002'],
    ])
    expect((await book(owner.token).list()).map((a) => a.label)).toEqual(['home'])
  })

  test('when an address is posted twice with one Idempotency-Key, then one address exists and the answer is replayed', async () => {
    const { token } = await registeredMember({ user: services.user.url, auth: services.auth.url })
    const addresses = book(token)
    const key = freshName('address')

    const [first, second] = await Promise.all([
      addresses.add(address('home'), key),
      addresses.add(address('home'), key),
    ])

    expect({ same: first.body.data.id === second.body.data.id, count: (await addresses.list()).length }).toEqual({
      same: true,
      count: 1,
    })
  })

  test('when inputs are bad, then each answer is a 400 with a code', async () => {
    const { token } = await registeredMember({ user: services.user.url, auth: services.auth.url })
    const addresses = book(token)

    const answers = await Promise.all([
      addresses.add({ ...address('x'), zipCode: '' }),
      addresses.add({ ...address('x'), label: 'y'.repeat(5000) }),
      addresses.add({ ...address('x'), isDefault: 'yes' }),
      addresses.remove('abc'),
      addresses.remove('-1'),
      addresses.remove('99999999999999999999999'),
    ])

    expect(answers.map((a) => [a.status, a.body.error.code])).toEqual(answers.map(() => [400, 'COMMON-400-004']))
    expect(await addresses.list()).toEqual([])
  })

  test('when order resolves an address internally, then it gets it only for its member, live and ACTIVE', async () => {
    const owner = await registeredMember({ user: services.user.url, auth: services.auth.url })
    const other = await registeredMember({ user: services.user.url, auth: services.auth.url })
    const home = (await book(owner.token).add(address('home'))).body.data
    const internal = (memberId: number) => call(`${services.user.url}/internal/users/${memberId}/addresses/${home.id}`)

    const found = await internal(owner.id)
    const foreign = await internal(other.id)
    await book(owner.token).remove(home.id)
    const deleted = await internal(owner.id)

    expect([found.status, found.body.data.label, foreign.status, deleted.status]).toEqual([200, 'home', 404, 404])
  })
})
