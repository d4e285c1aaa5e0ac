import { describe, expect, test } from 'bun:test'
import { listOrder, newAddressIsDefault, successorOf } from './addresses'

const at = (id: number, ms: number, isDefault = false) => ({ id, isDefault, createdAt: new Date(ms) })

describe('address defaults', () => {
  test('when a member has no address yet, then the new one is the default whatever was asked', () => {
    expect([
      newAddressIsDefault(0, false),
      newAddressIsDefault(0, undefined),
      newAddressIsDefault(3, undefined),
    ]).toEqual([true, true, false])
  })

  test('when the default goes, then the newest remaining address succeeds it (ties by id)', () => {
    expect(successorOf([at(1, 10), at(3, 30), at(2, 30)])?.id).toBe(3)
    expect(successorOf([])).toBeUndefined()
  })

  test('when listed, then the default comes first and the rest newest first', () => {
    expect(listOrder([at(1, 10), at(2, 20, true), at(3, 30)]).map((a) => a.id)).toEqual([2, 3, 1])
  })
})
