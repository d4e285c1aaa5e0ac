import type { TSchema } from '@sinclair/typebox'
import { fixturePath } from '../../scripts/artifacts'
import type { EventDefinition } from '../cloud-event'

/** The producer's example `data` for one event version (`contracts/fixtures/<type>.v<N>.json`), for consumer tests. */
export const fixtureOf = (def: EventDefinition<TSchema>): Promise<unknown> => Bun.file(fixturePath(def)).json()
