import {
  bigint,
  boolean,
  datetime,
  double,
  index,
  int,
  json,
  mysqlTable,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core'

export { idempotencyKeys, jobLeases, outbox, parkedEvents, processedEvents } from '@commerce/platform/db'

const id = (name: string) => bigint(name, { mode: 'number', unsigned: true })
const money = (name: string) => bigint(name, { mode: 'number' })
const at = (name: string) => datetime(name, { mode: 'date', fsp: 3 })

/**
 * The category tree. `path` is the materialized path of ids (`/1/5/9/`): descendants of 5 are `path LIKE '/1/5/%'`,
 * one indexed range instead of a recursive query per list read. Names are unique among siblings (`parentKey` is the
 * parent id, 0 for a root, so roots are unique too).
 */
export const categories = mysqlTable(
  'categories',
  {
    id: id('id').autoincrement().primaryKey(),
    name: varchar('name', { length: 100 }).notNull(),
    code: varchar('code', { length: 50 }).notNull(),
    parentId: id('parent_id'),
    // parentId ?? 0, written with it (a generated column would do, but drizzle-kit emits NOT NULL MariaDB refuses).
    parentKey: id('parent_key').notNull(),
    path: varchar('path', { length: 255 }).notNull(),
    depth: int('depth').notNull(),
    ordering: int('ordering').notNull().default(0),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('categories_code').on(t.code),
    uniqueIndex('categories_sibling_name').on(t.parentKey, t.name),
    index('categories_path').on(t.path),
  ],
)

/** Brands; soft-deleted (`deletedAt`), a deleted brand is gone from every read. */
export const brands = mysqlTable('brands', {
  id: id('id').autoincrement().primaryKey(),
  name: varchar('name', { length: 100 }).notNull(),
  logoImageUrl: varchar('logo_image_url', { length: 500 }),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
  deletedAt: at('deleted_at'),
})

/**
 * Products. `sellingPrice` and `discountRate` are kept up to date by pricing (on every price-affecting write and by the
 * leased job when a promotion or discount starts or ends), so list reads filter and sort on columns, not on formulas.
 * `available` is true when the product has no SKU or any ACTIVE SKU is available (from inventory's events).
 */
export const products = mysqlTable(
  'products',
  {
    id: id('id').autoincrement().primaryKey(),
    productCode: varchar('product_code', { length: 50 }).notNull(),
    name: varchar('name', { length: 200 }).notNull(),
    description: text('description'),
    price: money('price').notNull(),
    sellingPrice: money('selling_price').notNull(),
    discountRate: int('discount_rate').notNull().default(0),
    status: varchar('status', { length: 20 }).notNull(),
    categoryId: id('category_id'),
    brandId: id('brand_id'),
    thumbnailImageUrl: varchar('thumbnail_image_url', { length: 500 }),
    averageRating: double('average_rating').notNull().default(0),
    reviewCount: int('review_count').notNull().default(0),
    viewCount: bigint('view_count', { mode: 'number' }).notNull().default(0),
    salesCount: bigint('sales_count', { mode: 'number' }).notNull().default(0),
    likeCount: bigint('like_count', { mode: 'number' }).notNull().default(0),
    available: boolean('available').notNull().default(false),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('products_code').on(t.productCode),
    index('products_status_created').on(t.status, t.createdAt),
    index('products_status_category').on(t.status, t.categoryId, t.createdAt),
    index('products_status_brand').on(t.status, t.brandId, t.createdAt),
    index('products_status_selling_price').on(t.status, t.sellingPrice),
    index('products_status_sales').on(t.status, t.salesCount),
  ],
)

/** A product's option groups (e.g. colour, size), ordered by `ordering`. */
export const optionGroups = mysqlTable(
  'product_option_groups',
  {
    id: id('id').autoincrement().primaryKey(),
    productId: id('product_id').notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    ordering: int('ordering').notNull().default(0),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [uniqueIndex('option_groups_product_name').on(t.productId, t.name)],
)

/** The options of a group, with their surcharge; a removed option is deleted (its SKUs are deactivated). */
export const options = mysqlTable(
  'product_options',
  {
    id: id('id').autoincrement().primaryKey(),
    optionGroupId: id('option_group_id').notNull(),
    productId: id('product_id').notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    additionalPrice: money('additional_price').notNull().default(0),
    ordering: int('ordering').notNull().default(0),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [uniqueIndex('options_group_name').on(t.optionGroupId, t.name), index('options_product').on(t.productId)],
)

/**
 * SKUs: `id` is the SKU id everyone uses (orders, carts, inventory, events); `skuCode` the business code (original
 * §3.2). `optionKey` is the canonical JSON of `optionValues` (keys sorted), so a lookup by options is one indexed
 * equality. `available` comes from inventory's `stock.depleted` / `stock.restored` (a new SKU has stock 0).
 */
export const skus = mysqlTable(
  'product_skus',
  {
    id: id('id').autoincrement().primaryKey(),
    skuCode: varchar('sku_code', { length: 150 }).notNull(),
    productId: id('product_id').notNull(),
    price: money('price').notNull(),
    sellingPrice: money('selling_price').notNull(),
    optionValues: json('option_values').$type<Record<string, string>>().notNull(),
    optionKey: varchar('option_key', { length: 700 }).notNull(),
    status: varchar('status', { length: 20 }).notNull(),
    available: boolean('available').notNull().default(false),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [uniqueIndex('skus_code').on(t.skuCode), uniqueIndex('skus_product_options').on(t.productId, t.optionKey)],
)

/** Attributes a category defines for its products (inherited by descendants). `options` lists ENUM values. */
export const categoryAttributes = mysqlTable(
  'category_attributes',
  {
    id: id('id').autoincrement().primaryKey(),
    categoryId: id('category_id').notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    type: varchar('type', { length: 10 }).notNull(),
    required: boolean('required').notNull().default(false),
    options: json('options').$type<string[]>(),
    ordering: int('ordering').notNull().default(0),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [uniqueIndex('category_attributes_name').on(t.categoryId, t.name)],
)

/** A product's value for an attribute; `attr.{id}=value` list filters are exact matches on it. */
export const productAttributeValues = mysqlTable(
  'product_attribute_values',
  {
    id: id('id').autoincrement().primaryKey(),
    productId: id('product_id').notNull(),
    attributeId: id('attribute_id').notNull(),
    value: varchar('value', { length: 500 }).notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('attribute_values_product_attribute').on(t.productId, t.attributeId),
    index('attribute_values_attribute_value').on(t.attributeId, t.value),
  ],
)

/** Discount policies (RATE in percent 1–100, or AMOUNT in KRW), active between `startAt` and `endAt` when set. */
export const discountPolicies = mysqlTable(
  'discount_policies',
  {
    id: id('id').autoincrement().primaryKey(),
    productId: id('product_id').notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    discountType: varchar('discount_type', { length: 10 }).notNull(),
    discountValue: money('discount_value').notNull(),
    startAt: at('start_at'),
    endAt: at('end_at'),
    createdAt: at('created_at').notNull(),
    deletedAt: at('deleted_at'),
  },
  // The pricing job looks for windows that started or ended since its last run: one index per bound.
  (t) => [
    index('discount_policies_product').on(t.productId),
    index('discount_policies_start').on(t.startAt),
    index('discount_policies_end').on(t.endAt),
  ],
)

/** Promotions: a fixed selling price in a window; among active ones the lowest `priority` number wins. */
export const promotions = mysqlTable(
  'promotions',
  {
    id: id('id').autoincrement().primaryKey(),
    productId: id('product_id').notNull(),
    discountPrice: money('discount_price').notNull(),
    startAt: at('start_at').notNull(),
    endAt: at('end_at').notNull(),
    type: varchar('type', { length: 20 }).notNull(),
    priority: int('priority').notNull().default(0),
    description: varchar('description', { length: 500 }),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    index('promotions_product_window').on(t.productId, t.startAt, t.endAt),
    index('promotions_start').on(t.startAt),
    index('promotions_end').on(t.endAt),
  ],
)

/**
 * When the pricing job last looked (one row): promotions and discounts whose start or end fell between then and now
 * get their products' prices recomputed and `product.price.changed` published.
 */
export const pricingClock = mysqlTable('pricing_clock', {
  id: int('id').primaryKey(),
  checkedUntil: at('checked_until').notNull(),
})
