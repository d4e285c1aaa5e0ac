import type { Logger } from '../log/index'

/** A step of the shutdown, in order; each is awaited, failures are logged and the next step still runs. */
export interface ShutdownStep {
  name: string
  run(): Promise<void>
}

/** Readiness and shutdown of one process: `check` for /health/ready turns red first, then the steps run in order. */
export interface Lifecycle {
  /** Readiness check: rejects once shutdown began. */
  check(): Promise<void>
  readonly draining: boolean
  /** Runs the shutdown once (later calls get the same promise); exits with `code` unless told not to. */
  shutdown(reason: string, code?: number): Promise<void>
}

export interface LifecycleOptions {
  logger: Logger
  steps: () => ShutdownStep[]
  /** How long readiness is red before the server stops accepting (k8s needs a few seconds to take the pod out). */
  drainMs: number
  /** Hard bound: past it the process exits 1 whatever is still running. */
  timeoutMs: number
  /** Tests run services in-process: they want the steps, not an exit. */
  exit?: (code: number) => void
}

/** Graceful shutdown: readiness red → drain delay → each step (stop accepting, consumers, jobs, pools) → exit. */
export function createLifecycle(options: LifecycleOptions): Lifecycle {
  const { logger } = options
  let done: Promise<void> | undefined
  let draining = false
  const run = async (reason: string, code: number) => {
    draining = true
    logger.info('shutting down', { reason, drainMs: options.drainMs })
    const hardStop = setTimeout(() => {
      logger.error('shutdown outlived its bound, exiting', { timeoutMs: options.timeoutMs })
      options.exit?.(1)
    }, options.timeoutMs)
    hardStop.unref()
    if (options.drainMs > 0) await Bun.sleep(options.drainMs)
    for (const step of options.steps()) {
      try {
        await step.run()
      } catch (error) {
        logger.warn('shutdown step failed', { step: step.name, error })
      }
    }
    clearTimeout(hardStop)
    logger.info('stopped', { reason })
    options.exit?.(code)
  }
  return {
    check: async () => {
      if (draining) throw new Error('shutting down')
    },
    get draining() {
      return draining
    },
    shutdown: (reason, code = 0) => {
      done ??= run(reason, code)
      return done
    },
  }
}
