import { resolve } from 'node:path'
import { loadConfig } from '@commerce/platform/config'
import { Type } from '@sinclair/typebox'

/**
 * What the chaos tier reads from the environment (once): how many sagas each fault run drives (CI scale 30;
 * `npm run test:chaos` runs 200), how long sagas may take to end once the stack has recovered, and where the stack
 * lives (`STACK_DIR`, as platform/stack/bin sets it), so a run can kill and start its pieces with `stack`.
 */
const ChaosEnv = {
  CHAOS_SAGAS: Type.Integer({ minimum: 10, default: 30 }),
  /** Every saga must be terminal within this long after recovery (issue 14 §2: 60 s). */
  CHAOS_TERMINAL_MS: Type.Integer({ minimum: 1000, default: 60_000 }),
  STACK_DIR: Type.String({ default: resolve(import.meta.dir, '../../../.stack') }),
}

export const chaosConfig = Object.freeze({
  ...loadConfig(ChaosEnv, process.env),
  /** The repo's root: `stack` runs from here (its services run this checkout's code). */
  root: resolve(import.meta.dir, '../../..'),
})
