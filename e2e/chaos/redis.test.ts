import { describe, expect, test } from 'bun:test'
import { noViolations, runThroughFault } from './support/fault-run'
import { crashAndStart } from './support/stack'

describe('chaos: Redis crashes', () => {
  test('when Redis is killed with -9 while sagas are in flight and started again (AOF), then every saga ends within 60 s with nothing oversold, charged twice or lost', async () => {
    const report = await runThroughFault('kill -9 redis', () => crashAndStart('redis'))

    expect(report.violations).toEqual(noViolations)
  })
})
