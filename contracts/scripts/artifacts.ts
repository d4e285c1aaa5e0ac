import { join } from 'node:path'
import type { TSchema } from '@sinclair/typebox'
import type { EventDefinition } from '../src/cloud-event'

type Definition = Pick<EventDefinition<TSchema>, 'type' | 'version' | 'data'>

const root = join(import.meta.dir, '..')
export const fixturesDir = join(root, 'fixtures')
export const schemasDir = join(root, 'schemas')

/** `order.placed.v1.json`: the name of a version's fixture and of its schema snapshot. */
export const artifactName = (def: Definition): string => `${def.type}.v${def.version}.json`

export const fixturePath = (def: Definition): string => join(fixturesDir, artifactName(def))
export const snapshotPath = (def: Definition): string => join(schemasDir, artifactName(def))

/** The published form of a data schema: plain JSON Schema (TypeBox's symbol keys are dropped). */
export const snapshotText = (def: Definition): string => `${JSON.stringify(def.data, null, 2)}\n`
