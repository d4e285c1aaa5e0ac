import { describe, expect, test } from 'bun:test'
import { authRolesOf, emailPattern, normalizeEmail, phonePattern } from './member'

describe('member rules', () => {
  test('when an email is typed with spaces and capitals, then it normalizes to one mailbox', () => {
    expect(normalizeEmail('  Kim.Lee@Example.COM ')).toBe('kim.lee@example.com')
  })

  test('when emails and phones are checked, then the original rules apply', () => {
    const email = new RegExp(emailPattern)
    const phone = new RegExp(phonePattern)
    expect([email.test(' a@b.co '), email.test('a@b'), email.test('a b@c.de')]).toEqual([true, false, false])
    expect([phone.test('010-1234-5678'), phone.test('010-12345678'), phone.test('011-1234-5678')]).toEqual([
      true,
      true,
      false,
    ])
  })

  test('when an admin is registered, then auth is asked for both roles', () => {
    expect([authRolesOf('USER'), authRolesOf('ADMIN')]).toEqual([['USER'], ['USER', 'ADMIN']])
  })
})
