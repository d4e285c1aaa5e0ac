// The catalog service's composition root: everything else is in app.ts, and runService does the rest.
import { runService } from '@commerce/platform/service'
import { catalogService } from './app'
import { loadCatalogConfig } from './config'

await runService(catalogService(loadCatalogConfig()))
