import type { JwtAuthOptions } from '@commerce/platform/http'
import type { Logger } from '@commerce/platform/log'
import type { RedisClient } from '@commerce/platform/redis'
import type { InventoryDb } from '../db'
import type { StockStore } from '../db/stock-store'

/** What every inventory route plugin is built from. */
export interface InventoryRouteDeps {
  db: InventoryDb
  redis: RedisClient
  store: StockStore
  logger: Logger
  auth: JwtAuthOptions
}
