// The sample service's composition root: everything else is in service.ts, and runService does the rest.
import { runService } from '../../src/service'
import { loadSampleConfig } from './config'
import { sampleService } from './service'

await runService(sampleService(loadSampleConfig()))
