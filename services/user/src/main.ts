// The user service's composition root: everything else is in app.ts, and runService does the rest.
import { runService } from '@commerce/platform/service'
import { userService } from './app'
import { loadUserConfig } from './config'

await runService(userService(loadUserConfig()))
