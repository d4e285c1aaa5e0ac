import { describe, expect, test } from 'bun:test'
import { renderTable } from './table'

describe('renderTable', () => {
  test('when cells differ in width, then every column is padded to its widest cell', () => {
    expect(
      renderTable(
        ['topic', 'n'],
        [
          ['a.dlq', '12'],
          ['commerce.x.dlq', '3'],
        ],
      ),
    ).toBe(['topic           n', '--------------  --', 'a.dlq           12', 'commerce.x.dlq  3'].join('\n'))
  })
})
