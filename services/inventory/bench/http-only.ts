// The service's HTTP app without its consumers and jobs, for bench/stock-read.ts: the same createHttpApp and route
// plugins, built from the same config and clients as runService builds them. On a shared stack the spawned service
// also handles other work's events (it joins consumer group `inventory`); this one serves requests only.
// Prints "listening <port>".
import { createDb } from '@commerce/platform/db'
import { createHttpApp } from '@commerce/platform/http'
import { createKafka } from '@commerce/platform/kafka'
import { createLogger } from '@commerce/platform/log'
import { createRedis } from '@commerce/platform/redis'
import { inventoryService } from '../src/app'
import { loadInventoryConfig } from '../src/config'

const config = loadInventoryConfig()
const definition = inventoryService(config)
const logger = createLogger({ service: definition.name }, config.LOG_LEVEL)
const { db } = createDb({ url: config.MARIADB_URL, poolSize: config.MARIADB_POOL_SIZE, schema: definition.schema })
const redis = createRedis(config.REDIS_URL, {}, logger)
const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'inventory-bench', logger })
const app = createHttpApp({ name: definition.name, version: definition.version, logger })
  .use(definition.routes({ config, db, redis, kafka, logger }))
  .listen({ port: 0 })
console.log(`listening ${app.server?.port}`)
