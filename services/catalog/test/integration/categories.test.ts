import { describe, expect, test } from 'bun:test'
import { freshName } from '@commerce/platform/testing'
import { call, catalogAndAuth, createCategory } from './fixture'

const ctx = catalogAndAuth()

const post = (body: object, token = ctx.admin) => call(`${ctx.url}/api/categories`, { method: 'POST', body, token })

describe('categories', () => {
  test('when a child is created under a parent, then depth, parent and code follow original §3.2', async () => {
    const rootName = freshName('Top Wear')
    const root = await createCategory(ctx, { name: rootName })
    const child = await createCategory(ctx, { name: freshName('shirts'), parentId: root.id, ordering: 3 })
    expect([root.depth, root.parentId, child.depth, child.parentId, child.ordering]).toEqual([0, null, 1, root.id, 3])
    expect(root.code).toMatch(new RegExp(`^${rootName.toUpperCase().replaceAll(' ', '_').slice(0, 45)}_[0-9A-F]{4}$`))
  })

  test('when the same name is created twice under one parent, concurrently, then one 201 and one 409 CATALOG-409-002', async () => {
    const parent = await createCategory(ctx, { name: freshName('p') })
    const name = freshName('twin')
    const answers = await Promise.all([post({ name, parentId: parent.id }), post({ name, parentId: parent.id })])
    const outcomes = answers.map((a) => [a.status, a.body.error?.code]).sort()
    expect(outcomes).toEqual([
      [201, undefined],
      [409, 'CATALOG-409-002'],
    ])
    const other = await post({ name })
    expect(other.status).toBe(201)
  })

  test('when the parent is unknown, then 404 CATALOG-404-002; a member gets 403', async () => {
    const answers = [await post({ name: 'x', parentId: 9_999_999_999 }), await post({ name: 'x' }, ctx.member)]
    expect(answers.map((a) => [a.status, a.body.error.code])).toEqual([
      [404, 'CATALOG-404-002'],
      [403, 'COMMON-403'],
    ])
  })

  test('when reading children, one category and the tree, then each shows the created hierarchy', async () => {
    const root = await createCategory(ctx, { name: freshName('root') })
    const b = await createCategory(ctx, { name: freshName('b'), parentId: root.id, ordering: 2 })
    const a = await createCategory(ctx, { name: freshName('a'), parentId: root.id, ordering: 1 })
    const leaf = await createCategory(ctx, { name: freshName('leaf'), parentId: a.id })
    const children = await call(`${ctx.url}/api/categories?parentId=${root.id}`)
    const one = await call(`${ctx.url}/api/categories/${leaf.id}`)
    const roots = await call(`${ctx.url}/api/categories`)
    const tree = await call(`${ctx.url}/api/categories/tree`)
    const node = tree.body.data.find((n: { id: number }) => n.id === root.id)
    expect([children.body.data, one.body.data, roots.body.data.some((c: { id: number }) => c.id === root.id)]).toEqual([
      [a, b],
      leaf,
      true,
    ])
    expect(node).toEqual({
      id: root.id,
      name: root.name,
      depth: 0,
      ordering: 0,
      children: [
        {
          id: a.id,
          name: a.name,
          depth: 1,
          ordering: 1,
          children: [{ id: leaf.id, name: leaf.name, depth: 2, ordering: 0, children: [] }],
        },
        { id: b.id, name: b.name, depth: 1, ordering: 2, children: [] },
      ],
    })
  })

  test('when a category does not exist, then 404 CATALOG-404-002', async () => {
    const answer = await call(`${ctx.url}/api/categories/9999999999`)
    expect([answer.status, answer.body.error.code]).toEqual([404, 'CATALOG-404-002'])
  })
})

describe('category attributes', () => {
  const attributes = (id: number, inherited = true) =>
    call(`${ctx.url}/api/categories/${id}/attributes?includeInherited=${inherited}`)
  const addAttribute = (id: number, body: object) =>
    call(`${ctx.url}/api/categories/${id}/attributes`, { method: 'POST', body, token: ctx.admin })

  test('when a parent and a child define attributes, then the child lists the inherited ones first on request', async () => {
    const parent = await createCategory(ctx, { name: freshName('p') })
    const child = await createCategory(ctx, { name: freshName('c'), parentId: parent.id })
    const material = (await addAttribute(parent.id, { name: 'material', type: 'STRING' })).body.data
    const size = (await addAttribute(child.id, { name: 'size', type: 'ENUM', options: ['S', 'M'], required: true }))
      .body.data
    const names = async (inherited: boolean) =>
      (await attributes(child.id, inherited)).body.data.map((a: { name: string; inherited: boolean }) => [
        a.name,
        a.inherited,
      ])
    expect([await names(true), await names(false), size.options, material.categoryId]).toEqual([
      [
        ['material', true],
        ['size', false],
      ],
      [['size', false]],
      ['S', 'M'],
      parent.id,
    ])
  })

  test('when an attribute is bad, duplicated, changed or deleted, then 400 / 409 / 200 / 204', async () => {
    const category = await createCategory(ctx, { name: freshName('c') })
    const enumWithout = await addAttribute(category.id, { name: 'e', type: 'ENUM' })
    const first = await addAttribute(category.id, { name: 'weight', type: 'NUMBER' })
    const again = await addAttribute(category.id, { name: 'weight', type: 'STRING' })
    const path = `${ctx.url}/api/categories/${category.id}/attributes/${first.body.data.id}`
    const body = { required: true, categoryId: 9_999_999, id: 1 }
    const changed = await call(path, { method: 'PUT', body, token: ctx.admin })
    const listed = (await attributes(category.id, false)).body.data.map((a: { id: number }) => a.id)
    const deleted = await call(path, { method: 'DELETE', token: ctx.admin })
    const deletedAgain = await call(path, { method: 'DELETE', token: ctx.admin })
    expect([
      [enumWithout.status, enumWithout.body.error.code],
      [again.status, again.body.error.code],
      [changed.status, changed.body.data.required, listed.includes(first.body.data.id)],
      [deleted.status, deletedAgain.status, deletedAgain.body.error.code],
    ]).toEqual([
      [400, 'CATALOG-400-004'],
      [409, 'CATALOG-409-003'],
      [200, true, true],
      [204, 404, 'CATALOG-404-008'],
    ])
  })

  test('when an attribute create is retried with the same Idempotency-Key, then one attribute exists', async () => {
    const category = await createCategory(ctx, { name: freshName('c') })
    const request = { method: 'POST', body: { name: 'color', type: 'STRING' }, token: ctx.admin, key: freshName('k') }
    const first = await call(`${ctx.url}/api/categories/${category.id}/attributes`, request)
    const second = await call(`${ctx.url}/api/categories/${category.id}/attributes`, request)
    const list = await attributes(category.id, false)
    expect([first.status, second.status, second.body.data.id, list.body.data.length]).toEqual([
      201,
      201,
      first.body.data.id,
      1,
    ])
  })

  test('when a whole tree is posted, then every node is created under its parent and the answer nests them', async () => {
    const [top, left, right, leaf] = ['top', 'left', 'right', 'leaf'].map((n) => freshName(n))
    const root = {
      name: top,
      children: [
        { name: left, children: [{ name: leaf }] },
        { name: right, ordering: 1 },
      ],
    }

    const answer = await call(`${ctx.url}/api/categories/tree`, { method: 'POST', body: { root }, token: ctx.admin })

    const tree = answer.body.data
    const shape = (n: { name: string; depth: number; children: unknown[] }): unknown => ({
      name: n.name,
      depth: n.depth,
      children: (n.children as (typeof n)[]).map(shape),
    })
    const leafRead = await call(`${ctx.url}/api/categories/${tree.children[0].children[0].id}`)
    expect({ status: answer.status, tree: shape(tree), leafParent: leafRead.body.data.parentId }).toEqual({
      status: 201,
      tree: {
        name: top,
        depth: 0,
        children: [
          { name: left, depth: 1, children: [{ name: leaf, depth: 2, children: [] }] },
          { name: right, depth: 1, children: [] },
        ],
      },
      leafParent: tree.children[0].id,
    })
  })

  test('when a posted tree repeats a sibling name or is too deep, then 409 / 400 and none of it is created', async () => {
    const top = freshName('clash')
    const twins = { name: top, children: [{ name: 'same' }, { name: 'same' }] }
    let deep: { name: string; children?: unknown[] } = { name: 'level-6' }
    for (let level = 5; level >= 1; level--) deep = { name: `level-${level}`, children: [deep] }
    const deepTop = freshName('deep')

    const clash = await call(`${ctx.url}/api/categories/tree`, {
      method: 'POST',
      body: { root: twins },
      token: ctx.admin,
    })
    const tooDeep = await call(`${ctx.url}/api/categories/tree`, {
      method: 'POST',
      body: { root: { ...deep, name: deepTop } },
      token: ctx.admin,
    })
    const roots = await call(`${ctx.url}/api/categories`)
    const names = (roots.body.data as { name: string }[]).map((c) => c.name)
    expect({
      clash: [clash.status, clash.body.error.code],
      tooDeep: [tooDeep.status, tooDeep.body.error.code],
      leftBehind: names.filter((n) => n === top || n === deepTop),
    }).toEqual({ clash: [409, 'CATALOG-409-002'], tooDeep: [400, 'CATALOG-400-009'], leftBehind: [] })
  })
})
