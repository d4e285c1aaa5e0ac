import { afterAll, beforeAll } from 'bun:test'
import { createKafka } from '@commerce/platform/kafka'
import type { RunningService } from '@commerce/platform/service'
import { freshName, positionGroupAtEnd, spawnEnv, startTestService, testEnv } from '@commerce/platform/testing'
import { eq } from 'drizzle-orm'
import { catalogService } from '../../src/app'
import { type CatalogConfig, loadCatalogConfig } from '../../src/config'
import type { CatalogDb } from '../../src/db'
import { brands, categories, productAttributeValues } from '../../src/db/schema'
import { type DemoProductSpec, insertDemoProduct } from '../../src/use-cases/demo-products'

export type CatalogService = RunningService<Record<string, unknown>, CatalogConfig>

/** Catalog's env against the test stack; reads are public, so JWKS points nowhere. */
export const catalogConfig = (overrides: Record<string, string> = {}) =>
  loadCatalogConfig({
    ...spawnEnv('catalog'),
    AUTH_JWKS_URL: 'http://127.0.0.1:1/.well-known/jwks.json',
    SEED_DEMO_DATA: 'false',
    ...overrides,
  })

/**
 * Consumers in the service's own group `catalog`: the stack's running catalog (same code, same database) is in it too,
 * and effects land in one database, so only one group may apply them — a second group would add every sale twice. The
 * inbox (consumer `catalog`) makes each event count once, whichever member takes it.
 */
export const catalogGroup = 'catalog'
const catalogTopics = ['commerce.inventory.events', 'commerce.order.events']

/** Catalog's definition for tests: its consumers in `testGroup`. */
export function testDefinition(overrides: Record<string, string>, testGroup: string) {
  const definition = catalogService(catalogConfig(overrides))
  const consumers = definition.consumers
  return {
    ...definition,
    consumers:
      consumers &&
      ((deps: Parameters<typeof consumers>[0]) => consumers(deps).map((spec) => ({ ...spec, groupId: testGroup }))),
  }
}

/**
 * Starts catalog in-process. In the service's group by default; a fresh group (positioned at the topics' end) only for
 * tests whose consumers apply nothing that another group would apply again.
 */
export async function startCatalog(overrides: Record<string, string> = {}, group = catalogGroup) {
  if (group !== catalogGroup) {
    const kafka = createKafka({ brokers: testEnv().kafkaBrokers, clientId: 'catalog-reads-tests' })
    await positionGroupAtEnd(kafka, group, catalogTopics)
  }
  return (await startTestService(testDefinition(overrides, group))) as CatalogService
}

/** Catalog in-process for one test file (consumers in group `catalog`), started before its tests and stopped after. */
export function catalogForFile(overrides: Record<string, string> = {}) {
  const services = { group: catalogGroup } as { catalog: CatalogService; group: string }
  beforeAll(async () => {
    services.catalog = await startCatalog(overrides, services.group)
  })
  afterAll(() => services.catalog.stop())
  return services
}

/** An answer: status and parsed body. */
export interface Reply {
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the envelope holds
  body: any
}

/** A GET through HTTP. */
export async function get(url: string): Promise<Reply> {
  const response = await fetch(url)
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : undefined }
}

const catalogDb = (service: CatalogService) => service.deps.db as unknown as CatalogDb

/** A root category and a child and grandchild under it, with fresh names; returns their ids. */
export async function insertCategoryTree(service: CatalogService) {
  const db = catalogDb(service)
  const insert = async (name: string, parent?: { id: number; path: string; depth: number }) => {
    const now = new Date()
    const row = { name, code: freshName('C').slice(0, 50), parentId: parent?.id ?? null, parentKey: parent?.id ?? 0 }
    const [r] = await db
      .insert(categories)
      .values({ ...row, path: '', depth: parent ? parent.depth + 1 : 0, createdAt: now, updatedAt: now })
    const path = `${parent?.path ?? '/'}${r.insertId}/`
    await db.update(categories).set({ path }).where(eq(categories.id, r.insertId))
    return { id: r.insertId, path, depth: parent ? parent.depth + 1 : 0 }
  }
  const root = await insert(freshName('root'))
  const child = await insert(freshName('child'), root)
  const grandchild = await insert(freshName('grandchild'), child)
  return { root: root.id, child: child.id, grandchild: grandchild.id }
}

/** A brand with `name` (fresh by default). */
export async function insertBrand(service: CatalogService, name = freshName('brand')) {
  const now = new Date()
  const [r] = await catalogDb(service).insert(brands).values({ name, createdAt: now, updatedAt: now })
  return r.insertId
}

/** A product (ACTIVE unless said) with a fresh code, written in one transaction; returns its id and SKU ids. */
export function insertProduct(service: CatalogService, spec: Partial<DemoProductSpec> = {}) {
  const full = { name: freshName('product'), price: 10_000, ...spec, productCode: freshName('P').slice(0, 50) }
  return catalogDb(service).transaction((tx) => insertDemoProduct(tx, full))
}

/** Sets a product's value for an attribute (the attribute row itself is not needed by the filter). */
export async function setAttribute(
  service: CatalogService,
  at: { productId: number; attributeId: number; value: string },
) {
  const now = new Date()
  await catalogDb(service)
    .insert(productAttributeValues)
    .values({ ...at, createdAt: now, updatedAt: now })
}

/** Catalog's database handle, typed. */
export const dbOf = catalogDb
