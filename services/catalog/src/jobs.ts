import type { JobDefinition } from '@commerce/platform/jobs'
import type { CatalogDb } from './db'

/** Catalog's leased jobs: the pricing clock (promotions and discounts that start or end publish price changes). */
export const catalogJobs = (_deps: { db: CatalogDb; everyMs: number }): JobDefinition[] => []
