import { AppError, CommonErrors } from '@commerce/platform/http'

// Pricing's codes live in their own file so core's domain/errors.ts merges without a conflict. Rule violations a
// schema cannot express (RATE over 100, a promotion above the price, a window that ends before it starts) are field
// errors under the same COMMON-400-004 a schema failure gives, so a client handles one shape for "fix this field".
/** The codes discount policy and promotion endpoints answer with. */
export const PricingErrors = {
  productNotFound: () => new AppError('CATALOG-404-001', 'Product not found'),
  discountNotFound: () => new AppError('CATALOG-404-009', 'Discount policy not found'),
  invalidField: (field: string, value: unknown, reason: string) => CommonErrors.validation([{ field, value, reason }]),
} as const
