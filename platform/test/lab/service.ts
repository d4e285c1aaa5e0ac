import { join } from 'node:path'
import type { ServiceDefinition } from '../../src/service'
import type { SampleConfig } from './config'
import { onNotePosted } from './consumers/on-note-posted'
import { notesRoutes } from './http/notes.routes'
import { unconsumedNotesJob } from './jobs'
import * as schema from './schema'

/**
 * The sample service: the shape every service copies (one route plugin, one consumer, one leased job), run by
 * `runService` from main.ts. It lives beside the walking skeleton and shares its database (commerce_lab).
 */
export const sampleService = (config: SampleConfig): ServiceDefinition<typeof schema, SampleConfig> => ({
  name: 'sample',
  version: '0.1.0',
  description: 'The platform sample service: notes posted over HTTP, relayed by Debezium, consumed once',
  config,
  schema,
  migrationsFolder: join(import.meta.dir, 'migrations'),
  routes: ({ db }) => notesRoutes({ db }),
  consumers: () => [{ topics: ['commerce.sample.events'], handlers: [onNotePosted('sample')] }],
  jobs: () => [unconsumedNotesJob],
})
