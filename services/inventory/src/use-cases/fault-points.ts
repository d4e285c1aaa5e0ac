/**
 * Named places where a test can make the process die (`INVENTORY_CRASH_AT=<point>`): the crash tests kill the
 * consumer between a Redis script and the MariaDB commit and check that redelivery converges. Unset in production.
 */
export type FaultPoint = 'after-reserve-script' | 'after-confirm-script' | 'after-release-script'

export type FaultHook = (point: FaultPoint) => void

export const noFaults: FaultHook = () => undefined

/** A hook that exits the process at `point` (exit code 86, like a SIGKILL: no shutdown runs). */
export const crashAt =
  (point: string | undefined): FaultHook =>
  (reached) => {
    if (reached === point) process.exit(86)
  }
