// A scheduled job in its own process: the job tests start it as the "other replica" and kill it to show takeover.

import { Type } from '@sinclair/typebox'
import { loadConfig } from '../../src/config'
import { createDb } from '../../src/db'
import { scheduleJob } from '../../src/jobs'
import { createLogger } from '../../src/log'
import { recordRun } from './job-runs'

const config = loadConfig({
  LAB_MARIADB_URL: Type.String(),
  LAB_JOB_NAME: Type.String(),
  LAB_JOB_RUNNER: Type.String(),
  LAB_JOB_EVERY_MS: Type.Integer({ minimum: 1 }),
  LAB_JOB_LEASE_MS: Type.Integer({ minimum: 1 }),
})
const logger = createLogger({ service: 'lab-job', runner: config.LAB_JOB_RUNNER }, 'warn')
const { db, close } = createDb({ url: config.LAB_MARIADB_URL, poolSize: 2 })

// The run records its start and then holds on until the process is stopped: a long run, kept alive by lease renewal.
const job = scheduleJob({
  name: config.LAB_JOB_NAME,
  everyMs: config.LAB_JOB_EVERY_MS,
  lease: { ms: config.LAB_JOB_LEASE_MS },
  db,
  logger,
  run: ({ signal }) =>
    recordRun(db, { job: config.LAB_JOB_NAME, runner: config.LAB_JOB_RUNNER }, () => {
      const { promise, resolve } = Promise.withResolvers<void>()
      signal.addEventListener('abort', () => resolve(), { once: true })
      return promise
    }),
})

const shutdown = async () => {
  await job.stop()
  await close()
  process.exit(0)
}
process.once('SIGTERM', shutdown)
process.once('SIGINT', shutdown)
