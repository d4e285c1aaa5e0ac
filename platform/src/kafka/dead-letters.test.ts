import { describe, expect, test } from 'bun:test'
import { pendingIn } from './dead-letters'

describe('pendingIn', () => {
  test('when no replay ever ran, then every record from the log start is pending', () => {
    expect(pendingIn({ partition: 0, start: 0n, end: 5n, replayedTo: -1n })).toBe(5)
  })
  test('when the replay group passed some records, then only those after its offset are pending', () => {
    expect(pendingIn({ partition: 0, start: 0n, end: 5n, replayedTo: 3n })).toBe(2)
  })
  test('when retention deleted records the group never reached, then only the records still there count', () => {
    expect(pendingIn({ partition: 0, start: 4n, end: 6n, replayedTo: 1n })).toBe(2)
  })
  test('when the group stands at the end, then nothing is pending', () => {
    expect(pendingIn({ partition: 0, start: 0n, end: 5n, replayedTo: 5n })).toBe(0)
  })
})
