import type { TSchema } from '@sinclair/typebox'
import { fixturePath } from '../scripts/artifacts'
import type { EventDefinition } from '../src/cloud-event'
import { allEvents } from '../src/index'

type Definition = EventDefinition<TSchema>

/** `[label, definition]` rows for test.each: one test per event version, named e.g. 'order.placed v1'. */
export const eachEvent = allEvents.map((def) => [`${def.type} v${def.version}`, def] as const)

/** The example `data` committed for a version; producer and consumer tests use the same file. */
export const loadFixture = (def: Definition): Promise<unknown> => Bun.file(fixturePath(def)).json()

/** Runs `fn` and returns what it threw, so one toEqual/toMatchObject can check the whole error. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}
