import { afterAll, beforeAll } from 'bun:test'
import { join } from 'node:path'
import { type SpawnedService, spawnEnv, spawnService, tokenFor } from '@commerce/platform/testing'
import { type Inventory, startInventory } from './fixture'

export { call, type Reply } from '@commerce/platform/testing'

const authMain = join(import.meta.dir, '../../../auth/src/main.ts')

/** The user id a token was issued to (its `sub`). */
export const userIdOf = (token: string): number =>
  Number(JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()).sub)

/**
 * For one test file: auth as its own process (it mints the tokens) and inventory in-process verifying them by its
 * JWKS (with env `overrides`); an `admin` and a `member` token. Read the fields inside tests.
 */
export function inventoryAndAuth(overrides: Record<string, string> = {}) {
  const ctx = {} as { auth: SpawnedService; inventory: Inventory; url: string; admin: string; member: string }
  beforeAll(async () => {
    ctx.auth = await spawnService(authMain, { ...spawnEnv('auth'), SEED_DEMO_DATA: 'false' })
    ctx.inventory = await startInventory({ AUTH_JWKS_URL: `${ctx.auth.url}/.well-known/jwks.json`, ...overrides })
    ctx.url = ctx.inventory.url
    ;[ctx.admin, ctx.member] = await Promise.all([
      tokenFor(ctx.auth.url, ['USER', 'ADMIN']),
      tokenFor(ctx.auth.url, ['USER']),
    ])
  })
  afterAll(async () => {
    await ctx.inventory?.stop()
    await ctx.auth?.[Symbol.asyncDispose]()
  })
  return ctx
}

/** A request whose body is sent as given (not JSON-encoded): malformed JSON, wrong content types. */
export async function rawCall(url: string, request: { body: string; token?: string; contentType?: string }) {
  const headers: Record<string, string> = { 'content-type': request.contentType ?? 'application/json' }
  if (request.token) headers['authorization'] = `Bearer ${request.token}`
  const response = await fetch(url, { method: 'POST', headers, body: request.body })
  return { status: response.status, body: (await response.json()) as { error?: { code: string } } }
}
