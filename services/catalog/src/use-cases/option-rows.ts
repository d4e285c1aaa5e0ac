import type { CatalogTx } from '../db'
import { optionGroups, options } from '../db/schema'

/** An option as a request gives it. */
export interface NewOption {
  name: string
  additionalPrice: number
  ordering?: number | undefined
}

/** An option group as a request gives it. */
export interface NewOptionGroup {
  name: string
  ordering?: number | undefined
  options: NewOption[]
}

/** Inserts options into a group; ordering defaults to the position in the request after `after` existing ones. */
export async function insertOptions(
  tx: CatalogTx,
  group: { id: number; productId: number; after: number },
  list: { items: NewOption[]; now: Date },
): Promise<void> {
  if (list.items.length === 0) return
  const { now } = list
  await tx.insert(options).values(
    list.items.map((option, i) => ({
      optionGroupId: group.id,
      productId: group.productId,
      name: option.name,
      additionalPrice: option.additionalPrice,
      ordering: option.ordering ?? group.after + i,
      createdAt: now,
      updatedAt: now,
    })),
  )
}

/** Inserts a product's option groups and their options. */
export async function insertOptionGroups(tx: CatalogTx, product: { id: number; groups: NewOptionGroup[] }, now: Date) {
  const { id: productId, groups } = product
  for (const [i, group] of groups.entries()) {
    const [inserted] = await tx
      .insert(optionGroups)
      .values({ productId, name: group.name, ordering: group.ordering ?? i, createdAt: now, updatedAt: now })
    await insertOptions(tx, { id: inserted.insertId, productId, after: 0 }, { items: group.options, now })
  }
}
