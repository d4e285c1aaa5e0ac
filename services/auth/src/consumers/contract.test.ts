import { describe, expect, test } from 'bun:test'
import { consumerContract, placeholderEnv, verdictOn } from '@commerce/platform/testing'
import { authService } from '../app'
import { loadAuthConfig } from '../config'

// Consumer-driven contract (contracts/README.md): auth's registered consumers, built as runService builds them, take
// every producer fixture of what it subscribes to through the runner's decode and validation path.
const contract = await consumerContract('auth', authService(loadAuthConfig(placeholderEnv)))

describe('auth consumes what its producers publish', () => {
  test('its handlers take exactly the event versions contracts/src/subscriptions.ts declares for it', () => {
    expect(contract.registered).toEqual(contract.declared)
  })

  test.each(contract.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(verdictOn(contract.group, c.record)).toEqual(c.expected)
  })
})
