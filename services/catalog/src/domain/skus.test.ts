import { describe, expect, test } from 'bun:test'
import { checkOptionSet } from './option-rules'
import { combinations, javaHashCode, optionKey, skuCode } from './skus'

const option = (id: number, name: string, [additionalPrice, ordering] = [0, 0]) => ({
  id,
  name,
  additionalPrice,
  ordering,
})

describe('SKU generation', () => {
  test('when groups have orderings, then combinations follow group then option ordering with summed surcharges', () => {
    const groups = [
      { name: '사이즈', ordering: 2, options: [option(3, 'L', [2000, 1]), option(4, 'M')] },
      { name: '색상', ordering: 1, options: [option(1, '블랙', [1000, 0]), option(2, '화이트')] },
    ]
    expect(combinations(groups).map((c) => [c.optionValues, c.surcharge])).toEqual([
      [{ 색상: '블랙', 사이즈: 'M' }, 1000],
      [{ 색상: '블랙', 사이즈: 'L' }, 3000],
      [{ 색상: '화이트', 사이즈: 'M' }, 0],
      [{ 색상: '화이트', 사이즈: 'L' }, 2000],
    ])
  })

  test('when there are no groups, then there is one combination without options', () => {
    expect(combinations([])).toEqual([{ optionValues: {}, surcharge: 0, optionIds: [] }])
  })

  test('when hashing, then it matches Java String.hashCode including negative values', () => {
    expect([javaHashCode(''), javaHashCode('hello'), javaHashCode('블랙-M')]).toEqual([
      0,
      99162322,
      javaHashCode('블랙-M'),
    ])
    expect(javaHashCode('polygenelubricants')).toBe(-2147483648)
  })

  test('when coding a SKU, then values are ordered by group name and the hash is upper hex', () => {
    const values = { 색상: '블랙', 사이즈: 'M' }
    const hash = javaHashCode('M-블랙').toString(16).toUpperCase()
    expect([skuCode('PRD-20261204-ABCD', values), optionKey(values)]).toEqual([
      `PRD-20261204-ABCD-M-블랙-${hash}`,
      '{"사이즈":"M","색상":"블랙"}',
    ])
  })

  test('when option names are long, then the SKU code still fits 150 characters', () => {
    const values = Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`g${i}`, 'x'.repeat(50)]))
    expect(skuCode('PRD-20261204-ABCD', values).length).toBeLessThanOrEqual(150)
  })
})

describe('option limits', () => {
  const group = (name: string, count: number) => ({
    name,
    ordering: 0,
    options: Array.from({ length: count }, (_, i) => option(i, `o${i}`)),
  })

  test('when a set exceeds a limit or repeats a name, then it is refused with a CATALOG 400 code', () => {
    const codes = [
      [group('a', 1), group('b', 1), group('c', 1), group('d', 1), group('e', 1), group('f', 1)],
      [group('a', 21)],
      [group('a', 20), group('b', 20), group('c', 2)],
      [group('a', 2), group('a', 2)],
    ].map((groups) => {
      try {
        checkOptionSet(groups)
        return 'accepted'
      } catch (error) {
        return (error as { code: string }).code
      }
    })
    expect(codes).toEqual(['CATALOG-400-001', 'CATALOG-400-001', 'CATALOG-400-001', 'CATALOG-400-002'])
  })
})
