import { Elysia, t } from 'elysia'
import { createLogger, type Logger } from '../log/index'
import { CommonErrors } from './common-errors'
import { Envelope, ErrorEnvelope, errorBody, ok } from './envelope'
import { httpKit } from './http-kit'

/** A readiness probe of one dependency: resolves when it is reachable, rejects otherwise. */
export type HealthCheck = () => Promise<void>

type Outcome = 'UP' | 'DOWN' | 'TIMEOUT'

/** Options of `healthRoutes`: named checks and how long one may take before it counts as down. */
export interface HealthOptions {
  checks?: Record<string, HealthCheck>
  timeoutMs?: number
  logger?: Logger
}

const Ready = t.Object({ status: t.Literal('UP'), checks: t.Record(t.String(), t.Literal('UP')) })

async function run(name: string, check: HealthCheck, at: { timeoutMs: number; log: Logger }): Promise<Outcome> {
  const { timeoutMs, log } = at
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve('TIMEOUT'), timeoutMs)
  })
  try {
    const outcome = await Promise.race([check().then((): Outcome => 'UP'), timeout])
    if (outcome === 'TIMEOUT') log.warn('health check timed out', { check: name, timeoutMs })
    return outcome
  } catch (error) {
    log.warn('health check failed', { check: name, error })
    return 'DOWN'
  } finally {
    clearTimeout(timer)
  }
}

/** `GET /health/live` (200 while the process serves) and `GET /health/ready` (200, or 503 naming failing checks). */
export const healthRoutes = ({ checks = {}, timeoutMs = 2000, logger }: HealthOptions = {}) => {
  const at = { timeoutMs, log: logger ?? createLogger({ component: 'health' }) }
  return new Elysia({ detail: { tags: ['health'] } })
    .use(httpKit)
    .get('/health/live', () => ok({ status: 'UP' as const }), {
      response: Envelope(t.Object({ status: t.Literal('UP') })),
    })
    .get(
      '/health/ready',
      async ({ status }) => {
        const names = Object.keys(checks)
        const outcomes = await Promise.all(names.map((name) => run(name, checks[name] ?? (async () => {}), at)))
        const failing = names.map((name, i) => `${name}: ${outcomes[i]}`).filter((_, i) => outcomes[i] !== 'UP')
        if (failing.length > 0) {
          // Returned, not thrown: a failing probe is an expected answer, not a 5xx to log as an error.
          return status(503, errorBody(CommonErrors.unavailable('Not ready', { details: failing.join(', ') })))
        }
        return ok({ status: 'UP' as const, checks: Object.fromEntries(names.map((n) => [n, 'UP' as const])) })
      },
      { response: { 200: Envelope(Ready), 503: ErrorEnvelope } },
    )
}
