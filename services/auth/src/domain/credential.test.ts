import { describe, expect, test } from 'bun:test'
import { isPlausibleEmail, normalizeEmail, rolesFromColumn, rolesToColumn } from './credential'

describe('credential', () => {
  test('when an email has spaces and capitals, then normalizing trims and lowercases it', () => {
    expect(normalizeEmail('  Ann.Lee@Example.COM ')).toBe('ann.lee@example.com')
  })

  test('when an email lacks a domain or is too long, then it is not plausible', () => {
    expect([
      isPlausibleEmail('ann@example.com'),
      isPlausibleEmail('ann@example'),
      isPlausibleEmail('ann example@x.io'),
      isPlausibleEmail(`${'a'.repeat(250)}@x.io`),
    ]).toEqual([true, false, false, false])
  })

  test('when roles are stored and read back, then they are deduplicated, ordered and unknown words dropped', () => {
    expect([rolesToColumn(['ADMIN', 'USER', 'ADMIN']), rolesFromColumn('ADMIN,ROOT,USER')]).toEqual([
      'USER,ADMIN',
      ['USER', 'ADMIN'],
    ])
  })
})
