import { describe, expect, test } from 'bun:test'
import { classifyError } from '../errors/classify'
import { errorBody } from '../http/envelope'
import { toAppError } from '../http/error-mapping'
import { checkUnavailableCode, remoteError, ServiceUnavailable } from './errors'

const unavailable = (code: string, cause: unknown) =>
  new ServiceUnavailable('catalog', { code, reason: 'network', cause })

describe('service client errors', () => {
  test('when a call found nobody, then the consumer runner retries it and the HTTP kit answers 503 with its code', () => {
    const brokenCircuit = unavailable(
      'COMMON-503',
      new Error('Execution prevented because the circuit breaker is open'),
    )
    const custom = unavailable('ORDER-503-002', Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))

    const mapped = [brokenCircuit, custom].map((error) => {
      const { status, code, message } = toAppError(error)
      return { class: classifyError(error), status, code, message }
    })

    expect(mapped).toEqual([
      { class: 'transient', status: 503, code: 'COMMON-503', message: 'Service temporarily unavailable' },
      { class: 'transient', status: 503, code: 'ORDER-503-002', message: 'Service temporarily unavailable' },
    ])
  })

  test('when the remote answers a 4xx envelope, then its code, message and details travel and the runner gives up', () => {
    const error = remoteError('catalog', 404, {
      success: false,
      error: { code: 'CATALOG-404-001', message: 'SKU not found', details: 'sku 9' },
    })

    expect({ class: classifyError(error), body: errorBody(error).error, service: error.service }).toEqual({
      class: 'permanent',
      body: { code: 'CATALOG-404-001', message: 'SKU not found', details: 'sku 9' },
      service: 'catalog',
    })
  })

  test('when a 4xx has no envelope or a code that is not a 4xx, then it becomes COMMON-<status>', () => {
    const codes = [
      remoteError('pg', 400, 'Bad Request').code,
      remoteError('catalog', 409, { success: false, error: { code: 'CATALOG-500', message: 'odd' } }).code,
    ]

    expect(codes).toEqual(['COMMON-400', 'COMMON-409'])
  })

  test('when a client is configured with an unavailable code that is not a 503, then it fails at start-up', () => {
    expect(() => checkUnavailableCode('ORDER-500-001')).toThrow('unavailableCode must be a 503 code, got ORDER-500-001')
    expect(checkUnavailableCode('ORDER-503-002')).toBe('ORDER-503-002')
  })
})
