import { describe, expect, test } from 'bun:test'
import { checkDefinition, checkValue } from './attributes'
import { checkTransition, type ProductStatus } from './product-status'

const codeOf = (run: () => void) => {
  try {
    run()
    return 'ok'
  } catch (error) {
    return (error as { code: string }).code
  }
}

describe('product status machine', () => {
  const ready = { name: 'tee', price: 1000, activeSkus: 1 }

  test('when every pair of statuses is tried, then only the original §3.2 transitions pass', () => {
    const statuses: ProductStatus[] = ['DRAFT', 'ACTIVE', 'SUSPENDED', 'DELETED']
    const allowed = statuses.flatMap((from) =>
      statuses.filter((to) => codeOf(() => checkTransition(from, to, ready)) === 'ok').map((to) => `${from}→${to}`),
    )
    expect(allowed).toEqual([
      'DRAFT→ACTIVE',
      'DRAFT→DELETED',
      'ACTIVE→SUSPENDED',
      'ACTIVE→DELETED',
      'SUSPENDED→ACTIVE',
      'SUSPENDED→DELETED',
    ])
  })

  test('when activation lacks a name, a price or an ACTIVE SKU, then CATALOG-400-007', () => {
    const facts = [
      { ...ready, name: '  ' },
      { ...ready, price: 0 },
      { ...ready, activeSkus: 0 },
    ]
    expect(facts.map((f) => codeOf(() => checkTransition('DRAFT', 'ACTIVE', f)))).toEqual([
      'CATALOG-400-007',
      'CATALOG-400-007',
      'CATALOG-400-007',
    ])
  })
})

describe('attribute rules', () => {
  const def = (type: 'STRING' | 'NUMBER' | 'BOOLEAN' | 'ENUM', options: string[] | null = null) => ({
    name: 'a',
    type,
    options,
  })

  test('when values are checked against their type, then only well-formed ones pass', () => {
    const cases: [ReturnType<typeof def>, string][] = [
      [def('NUMBER'), '12'],
      [def('NUMBER'), '-1.5'],
      [def('NUMBER'), '1e3'],
      [def('NUMBER'), 'NaN'],
      [def('BOOLEAN'), 'false'],
      [def('BOOLEAN'), 'TRUE'],
      [def('ENUM', ['S', 'M']), 'M'],
      [def('ENUM', ['S', 'M']), 'L'],
      [def('STRING'), ' '],
    ]
    expect(cases.map(([d, v]) => codeOf(() => checkValue(d, v)))).toEqual([
      'ok',
      'ok',
      'CATALOG-400-003',
      'CATALOG-400-003',
      'ok',
      'CATALOG-400-003',
      'ok',
      'CATALOG-400-003',
      'CATALOG-400-003',
    ])
  })

  test('when definitions are checked, then an ENUM needs distinct options and other types take none', () => {
    const defs = [def('ENUM', []), def('ENUM', ['a', 'a']), def('STRING', ['a']), def('ENUM', ['a']), def('NUMBER')]
    expect(defs.map((d) => codeOf(() => checkDefinition(d)))).toEqual([
      'CATALOG-400-004',
      'CATALOG-400-004',
      'CATALOG-400-004',
      'ok',
      'ok',
    ])
  })
})
