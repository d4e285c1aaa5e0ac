import { join } from 'node:path'
import { ProductSkuCreatedV1 } from '@commerce/contracts/catalog'
import type { KafkaClient } from '@commerce/platform/kafka'
import { commitGroupOffsets, committedOffsets } from '@commerce/platform/kafka'
import {
  eventually,
  freshId,
  freshName,
  inboxRows,
  positionGroupAtEnd,
  publishEvent,
  type SpawnedService,
  spawnEnv,
  spawnService,
} from '@commerce/platform/testing'
import { inventoryTopics } from '../../src/consumers'
import type { InventoryDb } from '../../src/db'
import { stockOperations } from '../../src/db/schema'
import type { FaultPoint } from '../../src/use-cases/fault-points'

// Inventory as a process of its own that dies at a fault point (exit 86), and the same code started again without it.

const main = join(import.meta.dir, '../../src/main.ts')

/** A spawned inventory consuming under `group`; disposing it kills it if it still runs. */
export interface InventoryProcess extends AsyncDisposable {
  group: string
  process: SpawnedService
}

async function spawnInventory(group: string, crashAt?: FaultPoint): Promise<InventoryProcess> {
  const env: Record<string, string> = {
    ...spawnEnv('inventory'),
    AUTH_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json',
    SEED_DEMO_DATA: 'false',
    INVENTORY_CONSUMER_GROUP: group,
  }
  if (crashAt) env['INVENTORY_CRASH_AT'] = crashAt
  const process = await spawnService(main, env)
  return { group, process, [Symbol.asyncDispose]: () => process.kill() }
}

/**
 * A SKU created through `product.sku.created` with `quantity` units, once `inventory` has handled it: proves the
 * process joined its group and reads (a process that is still joining would see the test's event seconds late).
 */
export async function skuSeenBy(
  deps: { kafka: KafkaClient; db: InventoryDb },
  at: { group: string; quantity: number },
): Promise<number> {
  const skuId = freshId()
  const created = await publishEvent(deps.kafka, ProductSkuCreatedV1, {
    ...{ skuId, skuCode: `SKU-${skuId}`, productId: skuId, productCode: `P-${skuId}`, price: 1000 },
    ...{ optionValues: {}, initialQuantity: at.quantity, createdAt: new Date().toISOString() },
  })
  await eventually(async () => (await inboxRows(deps.db, { consumer: at.group, eventId: created.id })) === 1, {
    timeoutMs: 20_000,
    what: `product.sku.created handled by ${at.group}`,
  })
  return skuId
}

/** Inventory under a new group placed at the topics' end, dying at `point`. */
export async function crashingInventory(kafka: KafkaClient, point: FaultPoint): Promise<InventoryProcess> {
  const group = freshName('inventory-crash')
  await positionGroupAtEnd(kafka, group, inventoryTopics)
  return spawnInventory(group, point)
}

/**
 * The crashed inventory started again without the fault. It joins a new group placed where the crashed one committed:
 * the position a restart in the old group resumes from, without waiting out the dead member's 10 s session first.
 */
export async function restarted(kafka: KafkaClient, crashed: InventoryProcess): Promise<InventoryProcess> {
  const group = freshName('inventory-restart')
  await commitGroupOffsets(kafka, group, await committedOffsets(kafka, crashed.group, inventoryTopics))
  return spawnInventory(group)
}

/**
 * Holds the MariaDB commit of the operation `opKey`: an uncommitted row with that key, so every instance that gets to
 * its final transaction waits on the key's lock until `release` (rolled back: the row never existed). The lock is on
 * the key only; reads (the pre-checks) do not wait.
 */
export async function holdCommit(db: InventoryDb, opKey: string) {
  const held = Promise.withResolvers<void>()
  const release = Promise.withResolvers<void>()
  class Released extends Error {}
  const done = db
    .transaction(async (tx) => {
      await tx.insert(stockOperations).values({ opKey, kind: 'HELD', createdAt: new Date() })
      held.resolve()
      await release.promise
      throw new Released()
    })
    .catch((error: unknown) => {
      if (!(error instanceof Released)) held.reject(error)
    })
  await held.promise
  return {
    async release() {
      release.resolve()
      await done
    },
  }
}
