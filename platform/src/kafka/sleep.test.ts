import { describe, expect, test } from 'bun:test'
import { Abandoned, abortableSleep } from './sleep'

describe('abortableSleep', () => {
  test('when the signal aborts during a long wait, then it rejects with Abandoned at once', async () => {
    const controller = new AbortController()
    const started = performance.now()

    const waiting = abortableSleep(10_000, controller.signal).catch((e: unknown) => e)
    controller.abort()
    const outcome = await waiting

    expect({ abandoned: outcome instanceof Abandoned, promptly: performance.now() - started < 1_000 }).toEqual({
      abandoned: true,
      promptly: true,
    })
  })

  test('when the signal is already aborted, then it rejects without waiting; without a signal it just waits', async () => {
    const outcomes = [
      await abortableSleep(10_000, AbortSignal.abort()).catch((e: unknown) => e instanceof Abandoned),
      await abortableSleep(1).then(() => 'slept'),
    ]

    expect(outcomes).toEqual([true, 'slept'])
  })
})
