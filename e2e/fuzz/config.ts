import { loadConfig } from '@commerce/platform/config'
import { Type } from '@sinclair/typebox'

/**
 * The fuzz tier's knobs: `FUZZ_SEED` replays a run (every run prints its seed; without one a fresh seed is drawn),
 * `FUZZ_RUNS` is how many random requests each operation gets (kept modest: the tier has a 3-minute budget).
 */
const env = loadConfig(
  {
    FUZZ_SEED: Type.Optional(Type.Integer()),
    FUZZ_RUNS: Type.Integer({ minimum: 1, default: 50 }),
  },
  process.env,
)

export const fuzzConfig = Object.freeze({
  seed: env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31),
  runsPerOperation: env.FUZZ_RUNS,
})

/** A seed per operation (or topic), derived from the run's seed and its name: replaying one needs only FUZZ_SEED. */
export function seedFor(name: string): number {
  let hash = fuzzConfig.seed
  for (const char of name) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) | 0
  return hash
}
