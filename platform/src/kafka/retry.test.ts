import { describe, expect, spyOn, test } from 'bun:test'
import { backoffMs, type RetryPolicy, retryTransient } from './retry'

const policy: RetryPolicy = { initialMs: 100, maxMs: 1_000, maxAttempts: 5 }
const fast: RetryPolicy = { initialMs: 1, maxMs: 1, maxAttempts: 3 }

class Transient extends Error {
  override name = 'Transient'
}
const isTransient = (error: unknown) => error instanceof Transient

function withRandom<T>(value: number, run: () => T): T {
  const random = spyOn(Math, 'random').mockReturnValue(value)
  try {
    return run()
  } finally {
    random.mockRestore()
  }
}

describe('backoffMs', () => {
  test('when the attempt number grows, then the delay doubles up to the cap', () => {
    const delays = withRandom(0.5, () => [1, 2, 3, 4, 5, 6, 40].map((attempt) => backoffMs(policy, attempt)))

    expect(delays).toEqual([100, 200, 400, 800, 1_000, 1_000, 1_000])
  })

  test('when the random source is at its extremes, then the delay stays within ±20 % of the base', () => {
    const extremes = [withRandom(0, () => backoffMs(policy, 2)), withRandom(0.999_999, () => backoffMs(policy, 2))]

    expect(extremes).toEqual([160, 240])
  })

  test('when many delays are drawn, then all lie within ±20 % and they are not all the same', () => {
    const delays = Array.from({ length: 1_000 }, () => backoffMs(policy, 1))

    expect({
      inBounds: delays.every((d) => d >= 80 && d <= 120),
      distinct: new Set(delays).size > 1,
    }).toEqual({ inBounds: true, distinct: true })
  })
})

describe('retryTransient', () => {
  test('when fn succeeds, then its result is returned without retrying', async () => {
    const retries: number[] = []

    const result = await retryTransient(async () => 'done', {
      policy: fast,
      isTransient,
      onRetry: async (_error, attempt) => {
        retries.push(attempt)
      },
    })

    expect({ result, retries }).toEqual({ result: 'done', retries: [] })
  })

  test('when fn fails transiently and then succeeds, then onRetry sees each attempt number and the result is returned', async () => {
    let calls = 0
    const retries: [string, number][] = []

    const result = await retryTransient(
      async () => {
        calls++
        if (calls < 3) throw new Transient(`failure ${calls}`)
        return calls
      },
      {
        policy: fast,
        isTransient,
        onRetry: async (error, attempt) => {
          retries.push([(error as Error).message, attempt])
        },
      },
    )

    expect({ result, retries }).toEqual({
      result: 3,
      retries: [
        ['failure 1', 1],
        ['failure 2', 2],
      ],
    })
  })

  test('when every attempt fails transiently, then it gives up after maxAttempts and rethrows the last error', async () => {
    const thrown: Transient[] = []
    const retries: number[] = []

    const outcome = retryTransient(
      async () => {
        const error = new Transient(`failure ${thrown.length + 1}`)
        thrown.push(error)
        throw error
      },
      {
        policy: fast,
        isTransient,
        onRetry: async (_error, attempt) => {
          retries.push(attempt)
        },
      },
    )

    const error = await outcome.catch((e: unknown) => e)

    expect({ lastThrown: error === thrown.at(-1), calls: thrown.length, retries }).toEqual({
      lastThrown: true,
      calls: 3,
      retries: [1, 2],
    })
  })

  test('when the error is not transient, then it is thrown at once without a retry', async () => {
    let calls = 0
    const retries: number[] = []
    const fatal = new Error('constraint broken')

    const outcome = retryTransient(
      async () => {
        calls++
        throw fatal
      },
      {
        policy: fast,
        isTransient,
        onRetry: async (_error, attempt) => {
          retries.push(attempt)
        },
      },
    )

    const error = await outcome.catch((e: unknown) => e)

    expect({ sameError: error === fatal, calls, retries }).toEqual({ sameError: true, calls: 1, retries: [] })
  })
})
