import { afterAll, beforeAll } from 'bun:test'
import { join } from 'node:path'
import {
  freshId,
  freshName,
  type SpawnedService,
  spawnEnv,
  spawnService,
  startTestService,
} from '@commerce/platform/testing'
import { and, asc, eq } from 'drizzle-orm'
import { catalogService } from '../../src/app'
import { loadCatalogConfig } from '../../src/config'
import type { CatalogDb } from '../../src/db'
import { outbox, products, skus } from '../../src/db/schema'

/** An answer: status and parsed body. */
export interface Reply {
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the envelope holds
  body: any
}

/** One HTTP call with an optional bearer token. */
export async function call(url: string, request: { method?: string; body?: unknown; token?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (request.token) headers['authorization'] = `Bearer ${request.token}`
  const body = request.body === undefined ? undefined : JSON.stringify(request.body)
  const response = await fetch(url, { method: request.method ?? 'GET', headers, ...(body ? { body } : {}) })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : undefined } as Reply
}

/** Catalog in-process against `authUrl`'s JWKS, with env `overrides`. */
export const startCatalog = (authUrl: string, overrides: Record<string, string>) =>
  startTestService(
    catalogService(
      loadCatalogConfig({
        ...spawnEnv('catalog'),
        AUTH_JWKS_URL: `${authUrl}/.well-known/jwks.json`,
        SEED_DEMO_DATA: 'false',
        ...overrides,
      }),
    ),
  )

/** A credential with `roles` made through auth's internal API, then a real login: a token catalog verifies by JWKS. */
export async function tokenWith(authUrl: string, roles: string[]): Promise<string> {
  const credentials = { email: `${freshName('admin')}@example.com`.toLowerCase(), password: 'correct horse battery' }
  const made = await call(`${authUrl}/internal/credentials`, {
    method: 'POST',
    body: { userId: freshId(), ...credentials, roles },
  })
  if (made.status !== 201 && made.status !== 200) throw new Error(`credential answered ${made.status}`)
  const login = await call(`${authUrl}/api/auth/login`, { method: 'POST', body: credentials })
  if (login.status !== 200) throw new Error(`login answered ${login.status}: ${JSON.stringify(login.body)}`)
  return login.body.data.accessToken as string
}

/**
 * For one test file: auth as its own process, catalog in-process against it (env `overrides`, e.g. a short pricing
 * period), an admin token. Read the fields inside tests.
 */
export function catalogWithAdmin(overrides: Record<string, string> = {}) {
  const ctx = {} as { auth: SpawnedService; catalog: Awaited<ReturnType<typeof startCatalog>>; admin: string }
  beforeAll(async () => {
    const authMain = join(import.meta.dir, '../../../auth/src/main.ts')
    ctx.auth = await spawnService(authMain, { ...spawnEnv('auth'), SEED_DEMO_DATA: 'false' })
    ctx.catalog = await startCatalog(ctx.auth.url, overrides)
    ctx.admin = await tokenWith(ctx.auth.url, ['USER', 'ADMIN'])
  })
  afterAll(async () => {
    await ctx.catalog?.stop()
    await ctx.auth?.[Symbol.asyncDispose]()
  })
  return ctx
}

/**
 * A fresh ACTIVE product with one SKU per surcharge (rows written directly: core's endpoints live on another
 * branch), selling at its base price. Its id and SKU ids.
 */
export async function insertProduct(db: CatalogDb, shape: { price: number; surcharges: number[] }) {
  const now = new Date()
  const code = freshName('PRC').slice(0, 40)
  const [product] = await db.insert(products).values({
    productCode: code,
    name: `Pricing ${code}`,
    price: shape.price,
    sellingPrice: shape.price,
    status: 'ACTIVE',
    createdAt: now,
    updatedAt: now,
  })
  const productId = product.insertId
  const skuIds: number[] = []
  for (const [index, surcharge] of shape.surcharges.entries()) {
    const optionValues = { size: `S${index}` }
    const [sku] = await db.insert(skus).values({
      skuCode: `${code}-${index}`,
      productId,
      price: shape.price + surcharge,
      sellingPrice: shape.price + surcharge,
      optionValues,
      optionKey: JSON.stringify(optionValues),
      status: 'ACTIVE',
      createdAt: now,
      updatedAt: now,
    })
    skuIds.push(sku.insertId)
  }
  return { productId, skuIds }
}

/** The stored selling prices of a product and its SKUs (in SKU id order). */
export async function storedPrices(db: CatalogDb, productId: number) {
  const [product] = await db.select().from(products).where(eq(products.id, productId))
  const skuRows = await db.select().from(skus).where(eq(skus.productId, productId)).orderBy(skus.id)
  return {
    sellingPrice: product?.sellingPrice,
    discountRate: product?.discountRate,
    skus: skuRows.map((row) => row.sellingPrice),
  }
}

/** A product's `product.price.changed` events in the outbox, oldest first, as `[skuId, reason, newPrice]`. */
export async function priceEvents(db: CatalogDb, productId: number): Promise<unknown[]> {
  const rows = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.type, 'product.price.changed'), eq(outbox.aggregateId, String(productId))))
    .orderBy(asc(outbox.createdAt), asc(outbox.id))
  return rows
    .map((row) => (JSON.parse(row.payload) as { data: { skuId: number; reason: string; newPrice: number } }).data)
    .map((data) => [data.skuId, data.reason, data.newPrice])
}
