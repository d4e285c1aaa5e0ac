// The order service's composition root: everything else is in app.ts, and runService does the rest.
import { runService } from '@commerce/platform/service'
import { orderService } from './app'
import { loadOrderConfig } from './config'

await runService(orderService(loadOrderConfig()))
