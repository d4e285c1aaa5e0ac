import { describe, expect, test } from 'bun:test'
import { nestsDeeperThan } from './json-body'

describe('nestsDeeperThan', () => {
  test('when arrays and objects nest up to the limit, then it holds; one more level passes it', () => {
    expect(nestsDeeperThan('{"a":[{"b":[1]}]}', 4)).toBe(false)
    expect(nestsDeeperThan('{"a":[{"b":[[1]]}]}', 4)).toBe(true)
  })

  test('when brackets sit inside strings, escaped quotes included, then they do not count', () => {
    expect(nestsDeeperThan(JSON.stringify({ a: '[[[[{{{{', b: 'say \\"[[[[" twice' }), 2)).toBe(false)
  })

  test('when siblings close before the next opens, then depth is the deepest branch, not the sum', () => {
    expect(nestsDeeperThan('[[1],[2],[3],[4]]', 2)).toBe(false)
  })
})
