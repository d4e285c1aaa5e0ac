// Auth's composition root: everything else is in app.ts, and runService does the rest.
import { runService } from '@commerce/platform/service'
import { authService } from './app'
import { loadAuthConfig } from './config'

await runService(authService(loadAuthConfig()))
