import type { JwtAuthOptions } from '@commerce/platform/http'
import type { OrderDb } from '../db'
import type { ShippingPolicy } from '../domain/order-lines'
import type { Remote } from '../use-cases/remote'

/** What order's routes are built from. */
export interface OrderRouteDeps {
  db: OrderDb
  auth: JwtAuthOptions
  remote: Remote
  shipping: ShippingPolicy
}
