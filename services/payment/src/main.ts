// The payment service's composition root: everything else is in app.ts, and runService does the rest.
import { runService } from '@commerce/platform/service'
import { paymentService } from './app'
import { loadPaymentConfig } from './config'

await runService(paymentService(loadPaymentConfig()))
