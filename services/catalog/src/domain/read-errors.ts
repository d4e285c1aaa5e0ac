import { AppError } from '@commerce/platform/http'

/**
 * The CATALOG codes the public reads answer (original §3.3). Core keeps the full table in `domain/errors.ts`; these are
 * the same codes, kept here so the read side does not depend on a file another part owns (fold when merging).
 */
export const ReadErrors = {
  invalidFilter: (details: string) => new AppError('CATALOG-400-001', 'Invalid product filter', { details }),
  productNotFound: () => new AppError('CATALOG-404-001', 'Product not found'),
  optionNotFound: () => new AppError('CATALOG-404-004', 'No SKU has these options'),
} as const
