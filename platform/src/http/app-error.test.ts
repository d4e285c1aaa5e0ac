import { describe, expect, test } from 'bun:test'
import { AppError, statusOf } from './app-error'
import { CommonErrors } from './common-errors'

describe('AppError', () => {
  test('when the code carries a status, then the error has that status', () => {
    expect([statusOf('ORDER-409-006'), statusOf('COMMON-404'), statusOf('COMMON-422-001')]).toEqual([409, 404, 422])
  })

  test('when the code is malformed, then constructing the error fails loudly', () => {
    expect(() => new AppError('ORDER-4090', 'x')).toThrow(TypeError)
    expect(() => new AppError('order-409-006', 'x')).toThrow(TypeError)
  })

  test('when built from the common table, then code and status agree for every entry', () => {
    const errors = [
      CommonErrors.malformedJson(),
      CommonErrors.invalidType('page'),
      CommonErrors.missingParameter('skuIds'),
      CommonErrors.validation([]),
      CommonErrors.invalidToken(),
      CommonErrors.expiredToken(),
      CommonErrors.forbidden(),
      CommonErrors.notFound(),
      CommonErrors.methodNotAllowed(),
      CommonErrors.conflict(),
      CommonErrors.idempotencyKeyReused(),
      CommonErrors.tooManyRequests(),
      CommonErrors.internal(),
      CommonErrors.unavailable(),
    ]
    expect(errors.map((e) => [e.code, e.status])).toEqual([
      ['COMMON-400-001', 400],
      ['COMMON-400-002', 400],
      ['COMMON-400-003', 400],
      ['COMMON-400-004', 400],
      ['COMMON-401-001', 401],
      ['COMMON-401-002', 401],
      ['COMMON-403', 403],
      ['COMMON-404', 404],
      ['COMMON-405', 405],
      ['COMMON-409', 409],
      ['COMMON-422-001', 422],
      ['COMMON-429', 429],
      ['COMMON-500', 500],
      ['COMMON-503', 503],
    ])
  })

  test('when a cause is given, then it is kept for the log', () => {
    const cause = new Error('socket closed')
    expect(CommonErrors.unavailable('Catalog unreachable', { cause }).cause).toBe(cause)
  })
})
