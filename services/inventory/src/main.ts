// The inventory service's composition root: everything else is in app.ts, and runService does the rest.
import { runService } from '@commerce/platform/service'
import { inventoryService } from './app'
import { loadInventoryConfig } from './config'

await runService(inventoryService(loadInventoryConfig()))
