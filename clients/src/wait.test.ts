import { describe, expect, test } from 'bun:test'
import { waitFor } from './wait'

describe('waitFor', () => {
  test('when the probe gives a value on its third try, then that value comes back', async () => {
    let tries = 0
    const value = await waitFor(async () => (++tries === 3 ? 'PAYMENT_PENDING' : undefined), { intervalMs: 1 })
    expect({ value, tries }).toEqual({ value: 'PAYMENT_PENDING', tries: 3 })
  })

  test('when the probe never gives a value, then it fails naming what it waited for', async () => {
    const waiting = waitFor(async () => undefined, { timeoutMs: 20, intervalMs: 5, what: 'CONFIRMED' })
    await expect(waiting).rejects.toThrow('waiting for CONFIRMED')
  })
})
