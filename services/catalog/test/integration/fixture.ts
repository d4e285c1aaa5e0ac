import { afterAll, beforeAll } from 'bun:test'
import { join } from 'node:path'
import {
  call,
  type SpawnedService,
  spawnEnv,
  spawnService,
  startTestService,
  tokenFor,
} from '@commerce/platform/testing'
import { catalogService } from '../../src/app'
import { loadCatalogConfig } from '../../src/config'

const authMain = join(import.meta.dir, '../../../auth/src/main.ts')

export { call, type Reply, tokenFor } from '@commerce/platform/testing'

type Catalog = Awaited<ReturnType<typeof startCatalog>>

/** Catalog in-process against `authUrl`'s JWKS, with env `overrides` (e.g. a short pricing period). */
export const startCatalog = (authUrl: string, overrides: Record<string, string> = {}) =>
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

/**
 * For one test file: auth as its own process (it mints the tokens) and catalog in-process; `admin` and `member`
 * tokens. Read the fields inside tests.
 */
export function catalogAndAuth(overrides: Record<string, string> = {}) {
  const ctx = {} as { auth: SpawnedService; catalog: Catalog; url: string; admin: string; member: string }
  beforeAll(async () => {
    ctx.auth = await spawnService(authMain, { ...spawnEnv('auth'), SEED_DEMO_DATA: 'false' })
    ctx.catalog = await startCatalog(ctx.auth.url, overrides)
    ctx.url = ctx.catalog.url
    ctx.admin = await tokenFor(ctx.auth.url, ['USER', 'ADMIN'])
    ctx.member = await tokenFor(ctx.auth.url, ['USER'])
  })
  afterAll(async () => {
    await ctx.catalog?.stop()
    await ctx.auth?.[Symbol.asyncDispose]()
  })
  return ctx
}

/** Creates a product as admin; the product view (throws unless 201). */
export async function createProduct(ctx: { url: string; admin: string }, body: Record<string, unknown>) {
  const answer = await call(`${ctx.url}/api/products`, { method: 'POST', body, token: ctx.admin })
  if (answer.status !== 201) throw new Error(`create product: ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body.data
}

/** Creates a category as admin; its view. */
export async function createCategory(ctx: { url: string; admin: string }, body: Record<string, unknown>) {
  const answer = await call(`${ctx.url}/api/categories`, { method: 'POST', body, token: ctx.admin })
  if (answer.status !== 201) throw new Error(`create category: ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body.data
}
