import { registry } from '@commerce/platform/metrics'
import { Counter } from 'prom-client'

/** Password verifications run (real or against the dummy hash): a throttled attempt must not add to it. */
export const passwordVerifications = new Counter({
  name: 'auth_password_verifications_total',
  help: 'Password hash verifications run by login (including the dummy verify for unknown emails)',
  registers: [registry],
})

/** Login attempts by outcome (what login_history records). */
export const loginAttempts = new Counter({
  name: 'auth_login_attempts_total',
  help: 'Login attempts by outcome',
  labelNames: ['outcome'] as const,
  registers: [registry],
})
