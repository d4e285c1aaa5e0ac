import { and, asc, eq, inArray } from 'drizzle-orm'
import type { CatalogDb, CatalogTx } from '../db'
import { categoryAttributes, productAttributeValues } from '../db/schema'
import { type AttributeDef, type AttributeType, checkDefinition } from '../domain/attributes'
import { CatalogErrors } from '../domain/errors'
import { findCategory } from './categories'
import { duplicateKeyName } from './duplicate-key'
import { pickDefined } from './pick-defined'

type AttributeRow = typeof categoryAttributes.$inferSelect

/** What an admin sends for an attribute (all optional on update). */
export interface AttributeInput {
  name: string
  type: AttributeType
  required?: boolean | undefined
  options?: string[] | undefined
  ordering?: number | undefined
}

/** An attribute as the API answers it; `inherited` when it comes from an ancestor of `categoryId`. */
export const attributeView = (row: AttributeRow, categoryId: number) => ({
  id: row.id,
  categoryId: row.categoryId,
  name: row.name,
  type: row.type,
  required: row.required,
  options: row.options ?? [],
  ordering: row.ordering,
  inherited: row.categoryId !== categoryId,
})

/** Ids on a materialized path (`/1/5/9/` → [1, 5, 9]). */
const pathIds = (path: string) => path.split('/').filter(Boolean).map(Number)

/** A category's attributes, with its ancestors' first (root down) when `includeInherited`. */
export async function categoryAttributeList(db: CatalogDb, input: { categoryId: number; includeInherited: boolean }) {
  const category = await findCategory(db, input.categoryId)
  const ids = input.includeInherited ? pathIds(category.path) : [category.id]
  const rows = await db
    .select()
    .from(categoryAttributes)
    .where(inArray(categoryAttributes.categoryId, ids))
    .orderBy(asc(categoryAttributes.ordering), asc(categoryAttributes.id))
  const depth = (row: AttributeRow) => ids.indexOf(row.categoryId)
  return rows.sort((a, b) => depth(a) - depth(b)).map((row) => attributeView(row, category.id))
}

const asDef = (row: AttributeRow): AttributeDef => ({
  name: row.name,
  type: row.type as AttributeType,
  options: row.options,
})

/** One attribute of one category (under a write lock), or 404 CATALOG-404-008. */
export async function lockAttribute(tx: CatalogTx, ref: { categoryId: number; attributeId: number }) {
  const [row] = await tx
    .select()
    .from(categoryAttributes)
    .where(and(eq(categoryAttributes.id, ref.attributeId), eq(categoryAttributes.categoryId, ref.categoryId)))
    .for('update')
  if (!row) throw CatalogErrors.attributeNotFound()
  return row
}

async function write<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (duplicateKeyName(error) === 'category_attributes_name') throw CatalogErrors.attributeNameTaken()
    throw error
  }
}

/** Adds an attribute to a category (ENUM with options; the name unique in the category → 409 CATALOG-409-003). */
export async function addAttribute(tx: CatalogTx, input: AttributeInput & { categoryId: number }, now: Date) {
  await findCategory(tx, input.categoryId)
  const options = input.type === 'ENUM' ? (input.options ?? []) : (input.options ?? null)
  checkDefinition({ name: input.name, type: input.type, options })
  const row = {
    categoryId: input.categoryId,
    name: input.name,
    type: input.type,
    options,
    required: input.required ?? false,
    ordering: input.ordering ?? 0,
  }
  const [inserted] = await write(() => tx.insert(categoryAttributes).values({ ...row, createdAt: now, updatedAt: now }))
  return attributeView(
    await lockAttribute(tx, { categoryId: input.categoryId, attributeId: inserted.insertId }),
    input.categoryId,
  )
}

/** Changes an attribute; the result must still be a valid definition. */
export async function changeAttribute(
  tx: CatalogTx,
  input: { categoryId: number; attributeId: number; change: Partial<AttributeInput> },
  now: Date,
) {
  const current = await lockAttribute(tx, input)
  const fields = pickDefined(input.change, ['name', 'type', 'required', 'options', 'ordering'])
  const next = { ...current, ...fields } as AttributeRow
  checkDefinition(asDef(next))
  await write(() =>
    tx
      .update(categoryAttributes)
      .set({ ...fields, updatedAt: now })
      .where(eq(categoryAttributes.id, current.id)),
  )
  return attributeView(next, input.categoryId)
}

/** Removes an attribute and every product's value for it. */
export async function removeAttribute(tx: CatalogTx, input: { categoryId: number; attributeId: number }) {
  const current = await lockAttribute(tx, input)
  await tx.delete(productAttributeValues).where(eq(productAttributeValues.attributeId, current.id))
  await tx.delete(categoryAttributes).where(eq(categoryAttributes.id, current.id))
}
