import { describe, expect, test } from 'bun:test'
import { eventually } from './eventually'

const fast = { timeoutMs: 100, intervalMs: 1 }

describe('eventually', () => {
  test('when the probe stops answering undefined, null or false, then it resolves with that first value', async () => {
    const answers = [undefined, null, false, { id: 7 }, { id: 8 }]
    let calls = 0

    const value = await eventually(() => answers[calls++], fast)

    expect({ value, calls }).toEqual({ value: { id: 7 }, calls: 4 })
  })

  test('when the probe throws before it holds, then polling continues until it does', async () => {
    let calls = 0

    const value = await eventually(async () => {
      calls++
      if (calls < 4) throw new Error(`not yet ${calls}`)
      return 'ready'
    }, fast)

    expect({ value, calls }).toEqual({ value: 'ready', calls: 4 })
  })

  test('when the probe never holds, then it fails after timeoutMs with the last error message', async () => {
    let last = ''
    const started = performance.now()

    const error = await eventually(
      () => {
        last = `row missing at ${performance.now()}`
        throw new Error(last)
      },
      { ...fast, what: 'row appears' },
    ).catch((e: unknown) => e)

    expect({
      message: error instanceof Error ? error.message : error,
      waitedAtLeastTimeout: performance.now() - started >= 100,
    }).toEqual({ message: `eventually: row appears not met within 100 ms: ${last}`, waitedAtLeastTimeout: true })
  })

  test('when the probe keeps returning false without throwing, then the failure says the condition never held', async () => {
    const error = await eventually(() => false, fast).catch((e: unknown) => e)

    expect(error instanceof Error ? error.message : error).toBe(
      'eventually: condition not met within 100 ms: condition never held',
    )
  })
})
