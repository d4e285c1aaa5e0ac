import { describe, expect, spyOn, test } from 'bun:test'
import { Elysia } from 'elysia'
import { healthRoutes } from './health-routes'

describe('healthRoutes', () => {
  test('when a check fails or outlasts its time box, then ready is 503 naming each failing check', async () => {
    const stdout = spyOn(process.stdout, 'write').mockImplementation(() => true)
    const app = new Elysia().use(
      healthRoutes({
        timeoutMs: 20,
        checks: {
          mariadb: async () => {},
          redis: () => Promise.reject(new Error('ECONNREFUSED')),
          kafka: () => new Promise<void>(() => {}),
        },
      }),
    )
    const get = (path: string) => app.handle(new Request(`http://localhost${path}`))
    const [live, ready] = await Promise.all([get('/health/live'), get('/health/ready')])
    stdout.mockRestore()
    expect(live.status).toBe(200)
    expect(ready.status).toBe(503)
    expect(((await ready.json()) as { error: unknown }).error).toEqual({
      code: 'COMMON-503',
      message: 'Not ready',
      details: 'redis: DOWN, kafka: TIMEOUT',
    })
  })
})
