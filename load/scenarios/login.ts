import { type Journey, request } from './journey'

/** A buyer logging in (a password hash per request: the costliest call per request on purpose). */
export const login: Journey = {
  name: 'login',
  mixedWeight: 3,
  thresholds: { p95: 300, p99: 600, maxErrorPercent: 0.1 },
  flow: [
    request('login', {
      method: 'post',
      url: '/api/auth/login',
      json: { email: '{{ email }}', password: '{{ password }}' },
    }),
  ],
}
