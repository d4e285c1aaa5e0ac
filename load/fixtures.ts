import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadSuiteConfig } from './config'
import { data, login } from './gateway'

/**
 * What the journeys act on, made once through the gateway and kept in load/.fixtures (not committed): buyers
 * registered like any member, and one ACTIVE product whose SKUs hold enough stock that checkouts never sell out.
 * Each run logs every buyer in again, so the tokens Artillery reads from buyers.csv are fresh.
 */
export interface Fixtures {
  productId: number
  skuIds: number[]
  buyers: { email: string; password: string }[]
}

const dir = join(import.meta.dir, '.fixtures')
const file = join(dir, 'fixtures.json')
const target = loadSuiteConfig.LOAD_TARGET
const password = 'load-pass-1234'
const stockFloor = 10_000
const stockTopUp = 100_000

// Browse draws list pages 0–4 of 20 products: the catalog holds at least this many, or most pages would be empty.
const catalogFloor = 100

async function createProduct(
  admin: string,
  shape = { skus: 5, price: 10_000 },
): Promise<Pick<Fixtures, 'productId' | 'skuIds'>> {
  const options = Array.from({ length: shape.skus }, (_, n) => ({ name: `L${n}`, additionalPrice: n * 1000 }))
  const body = { name: `load product ${Date.now()}`, price: shape.price, optionGroups: [{ name: 'size', options }] }
  const product = await data<{ id: number; skus: { id: number }[] }>('/api/products', {
    method: 'POST',
    body,
    token: admin,
    expect: 201,
  })
  await data(`/api/products/${product.id}/status`, {
    method: 'PATCH',
    body: { status: 'ACTIVE' },
    token: admin,
    expect: 200,
  })
  return { productId: product.id, skuIds: product.skus.map((s) => s.id) }
}

/** Adds ACTIVE one-SKU products, priced 1 000 to 60 000, until the catalog lists `catalogFloor`. */
async function fillCatalog(admin: string) {
  const listed = await data<{ totalItems: number }>('/api/products?page=0&size=1', { expect: 200 })
  for (let n = listed.totalItems; n < catalogFloor; n++)
    await createProduct(admin, { skus: 1, price: 1000 * (1 + (n % 60)) })
}

/** Tops each SKU up when it runs low; waits for inventory to learn a new SKU (catalog's outbox → CDC → inventory). */
async function keepStocked(admin: string, skuIds: number[]) {
  for (const skuId of skuIds) {
    const deadline = Date.now() + 60_000
    let stock = await fetch(`${target}/api/inventories/${skuId}`)
    while (stock.status === 404 && Date.now() < deadline) {
      await Bun.sleep(500)
      stock = await fetch(`${target}/api/inventories/${skuId}`)
    }
    const { available } = ((await stock.json()) as { data: { available: number } }).data
    if (available >= stockFloor) continue
    const body = { delta: stockTopUp, reason: 'load suite stock' }
    await data(`/api/inventories/${skuId}/adjust`, { method: 'POST', body, token: admin, expect: 200 })
  }
}

async function registerBuyer(n: number) {
  const email = `load-buyer-${Date.now()}-${n}@load.example.com`
  await data('/api/users/register', { method: 'POST', body: { email, password, name: 'Load Buyer' }, expect: 201 })
  return { email, password }
}

/** Makes or refreshes the fixtures; writes buyers.csv (email, password, token) for Artillery's payload. */
export async function prepareFixtures(): Promise<Fixtures & { buyersCsv: string }> {
  mkdirSync(dir, { recursive: true })
  const saved: Fixtures | undefined = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined
  const admin = await login(loadSuiteConfig.ADMIN_EMAIL, loadSuiteConfig.ADMIN_PASSWORD)
  const product = saved ?? { ...(await createProduct(admin)), buyers: [] }
  await keepStocked(admin, product.skuIds)
  await fillCatalog(admin)
  const buyers = [...product.buyers]
  for (let n = buyers.length; n < loadSuiteConfig.LOAD_BUYERS; n++) buyers.push(await registerBuyer(n))
  const fixtures: Fixtures = { productId: product.productId, skuIds: product.skuIds, buyers }
  writeFileSync(file, JSON.stringify(fixtures, null, 2))
  const rows = await Promise.all(
    buyers.map(async (b) => `${b.email},${b.password},${await login(b.email, b.password)}`),
  )
  const buyersCsv = join(dir, 'buyers.csv')
  writeFileSync(buyersCsv, `${rows.join('\n')}\n`)
  return { ...fixtures, buyersCsv }
}
