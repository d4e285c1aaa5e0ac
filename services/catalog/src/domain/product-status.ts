import { CatalogErrors } from './errors'

export type ProductStatus = 'DRAFT' | 'ACTIVE' | 'SUSPENDED' | 'DELETED'
export const productStatuses = ['DRAFT', 'ACTIVE', 'SUSPENDED', 'DELETED'] as const

const allowed: Record<ProductStatus, ProductStatus[]> = {
  DRAFT: ['ACTIVE', 'DELETED'],
  ACTIVE: ['SUSPENDED', 'DELETED'],
  SUSPENDED: ['ACTIVE', 'DELETED'],
  DELETED: [],
}

/** What activation needs (original §3.2, with ACTIVE SKUs): a name, a positive price, an ACTIVE SKU. */
export interface ActivationFacts {
  name: string
  price: number
  activeSkus: number
}

/** Checks a status change; throws CATALOG-400-006 (illegal) or CATALOG-400-007 (not ready to activate). */
export function checkTransition(from: ProductStatus, to: ProductStatus, facts: ActivationFacts): void {
  if (!allowed[from].includes(to)) throw CatalogErrors.illegalTransition(from, to)
  if (to !== 'ACTIVE') return
  const missing = [
    facts.name.trim() === '' ? 'a name' : undefined,
    facts.price > 0 ? undefined : 'a price above 0',
    facts.activeSkus > 0 ? undefined : 'an ACTIVE SKU',
  ].filter((reason) => reason !== undefined)
  if (missing.length > 0) throw CatalogErrors.notReadyForActivation(`needs ${missing.join(', ')}`)
}
