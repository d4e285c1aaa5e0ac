import { isDuplicateKey, isTransientDbError } from '@commerce/platform/db'
import { eq } from 'drizzle-orm'
import type { CatalogDb, CatalogTx } from './db'
import { brands, categories } from './db/schema'
import { type DemoProductSpec, insertDemoProduct } from './use-cases/demo-products'

// The root's code marks the seed as done: unique, so two replicas seeding at once commit one seed between them.
const seedMarker = 'DEMO_FASHION'

const tree = [
  {
    code: seedMarker,
    name: '패션',
    children: [{ code: 'DEMO_TOPS', name: '상의', children: [{ code: 'DEMO_TEES', name: '티셔츠' }] }],
  },
  { code: 'DEMO_DIGITAL', name: '디지털', children: [{ code: 'DEMO_LAPTOPS', name: '노트북' }] },
]
type Node = { code: string; name: string; children?: Node[] }

const sizes = { name: '사이즈', options: ['S', 'M', 'L'].map((name, i) => ({ name, additionalPrice: i * 1_000 })) }
const colours = {
  name: '색상',
  options: [
    { name: '블랙', additionalPrice: 0 },
    { name: '화이트', additionalPrice: 0 },
  ],
}
const memory = {
  name: '메모리',
  options: [
    { name: '16GB', additionalPrice: 0 },
    { name: '32GB', additionalPrice: 300_000 },
  ],
}

type Demo = Omit<DemoProductSpec, 'categoryId' | 'brandId'> & { category: string; brand: string }
const demoProducts: Demo[] = [
  {
    productCode: 'DEMO-TEE-BASIC',
    name: '베이직 코튼 티셔츠',
    price: 19_000,
    category: 'DEMO_TEES',
    brand: 'Koosco Basic',
    optionGroups: [colours, sizes],
  },
  {
    productCode: 'DEMO-TEE-LOGO',
    name: '로고 오버핏 티셔츠',
    price: 29_000,
    sellingPrice: 23_200,
    category: 'DEMO_TEES',
    brand: 'Urban Line',
    optionGroups: [sizes],
  },
  {
    productCode: 'DEMO-SHIRT-OXFORD',
    name: '옥스포드 셔츠',
    price: 45_000,
    category: 'DEMO_TOPS',
    brand: 'Urban Line',
    optionGroups: [colours],
  },
  { productCode: 'DEMO-CAP', name: '볼캡', price: 15_000, category: 'DEMO_FASHION', brand: 'Koosco Basic' },
  {
    productCode: 'DEMO-LAPTOP-14',
    name: '울트라북 14',
    price: 1_490_000,
    category: 'DEMO_LAPTOPS',
    brand: 'Volt',
    optionGroups: [memory],
  },
  {
    productCode: 'DEMO-MOUSE',
    name: '무선 마우스',
    price: 39_000,
    sellingPrice: 35_100,
    category: 'DEMO_DIGITAL',
    brand: 'Volt',
  },
]

async function insertCategories(tx: CatalogTx, nodes: Node[], parent?: { id: number; path: string; depth: number }) {
  const ids = new Map<string, number>()
  for (const [ordering, node] of nodes.entries()) {
    const now = new Date()
    const depth = parent ? parent.depth + 1 : 0
    const [row] = await tx.insert(categories).values({
      ...{ name: node.name, code: node.code, parentId: parent?.id ?? null, parentKey: parent?.id ?? 0, path: '' },
      ...{ depth, ordering, createdAt: now, updatedAt: now },
    })
    const path = `${parent?.path ?? '/'}${row.insertId}/`
    await tx.update(categories).set({ path }).where(eq(categories.id, row.insertId))
    ids.set(node.code, row.insertId)
    const children = await insertCategories(tx, node.children ?? [], { id: row.insertId, path, depth })
    for (const [code, id] of children) ids.set(code, id)
  }
  return ids
}

async function insertBrands(tx: CatalogTx, names: string[]) {
  const ids = new Map<string, number>()
  for (const name of new Set(names)) {
    const now = new Date()
    const [row] = await tx.insert(brands).values({ name, createdAt: now, updatedAt: now })
    ids.set(name, row.insertId)
  }
  return ids
}

/**
 * Demo data (idempotent): a category tree, brands and six ACTIVE products with their SKUs in one transaction, with each
 * SKU's `product.sku.created` so inventory creates its stock. Skipped when the tree's root exists.
 */
export async function seedCatalog(deps: { db: CatalogDb }): Promise<void> {
  // Replicas seeding at once deadlock on the unique code (one is rolled back) or meet it taken: retry, then find it done.
  for (let attempt = 1; ; attempt++) {
    const [seeded] = await deps.db.select({ id: categories.id }).from(categories).where(eq(categories.code, seedMarker))
    if (seeded) return
    try {
      return await deps.db.transaction(insertDemoData)
    } catch (error) {
      if (isDuplicateKey(error)) return
      if (!isTransientDbError(error) || attempt === 3) throw error
    }
  }
}

async function insertDemoData(tx: CatalogTx) {
  const meta = { now: new Date(), correlationId: crypto.randomUUID(), causationId: crypto.randomUUID() }
  const categoryIds = await insertCategories(tx, tree)
  const brandIds = await insertBrands(
    tx,
    demoProducts.map((p) => p.brand),
  )
  for (const { category, brand, ...spec } of demoProducts) {
    await insertDemoProduct(tx, { ...spec, categoryId: categoryIds.get(category), brandId: brandIds.get(brand) }, meta)
  }
}
