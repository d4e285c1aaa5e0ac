import type { JwtAuthOptions } from '@commerce/platform/http'
import type { Logger } from '@commerce/platform/log'
import type { RedisClient } from '@commerce/platform/redis'
import type { CatalogDb } from '../db'

/** What every catalog route plugin is built from. */
export interface CatalogRouteDeps {
  db: CatalogDb
  redis: RedisClient
  logger: Logger
  auth: JwtAuthOptions
}
