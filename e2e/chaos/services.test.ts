import { describe, expect, test } from 'bun:test'
import { noViolations, runThroughFault } from './support/fault-run'
import { killService, sagaServices } from './support/stack'

describe('chaos: a service crashes', () => {
  test.each([...sagaServices])(
    'when %s is killed with -9 while sagas are in flight and its restart loop brings it back, then every saga ends within 60 s with nothing oversold, charged twice or lost',
    async (service) => {
      const report = await runThroughFault(`kill -9 ${service}`, () => killService(service))

      expect(report.violations).toEqual(noViolations)
    },
  )
})
