import { describe, expect, test } from 'bun:test'
import { noViolations, runThroughFault } from './support/fault-run'
import { restartMariadb } from './support/stack'

describe('chaos: the database restarts', () => {
  test('when MariaDB restarts while sagas are in flight, then every saga ends within 60 s with nothing oversold, charged twice or lost', async () => {
    const report = await runThroughFault('restart mariadb', restartMariadb)

    expect(report.violations).toEqual(noViolations)
  })
})
