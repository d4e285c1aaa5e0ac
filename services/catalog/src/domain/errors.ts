import { AppError, CommonErrors } from '@commerce/platform/http'

/** The closed table of CATALOG codes (original §3.3 numbering; bad values are 400s here, never its 500s). */
export const CatalogErrors = {
  optionLimit: (details: string) => new AppError('CATALOG-400-001', 'Option limits exceeded', { details }),
  duplicateOption: (details: string) => new AppError('CATALOG-400-002', 'Option names must be unique', { details }),
  invalidAttributeValue: (details: string) => new AppError('CATALOG-400-003', 'Invalid attribute value', { details }),
  invalidAttribute: (details: string) => new AppError('CATALOG-400-004', 'Invalid attribute definition', { details }),
  productDeleted: () => new AppError('CATALOG-400-005', 'A deleted product cannot be changed'),
  illegalTransition: (from: string, to: string) =>
    new AppError('CATALOG-400-006', 'Illegal product status transition', { details: `${from} → ${to}` }),
  notReadyForActivation: (details: string) =>
    new AppError('CATALOG-400-007', 'Product is not ready for activation', { details }),
  invalidCategoryTree: (details: string) => new AppError('CATALOG-400-009', 'Category tree too large', { details }),
  invalidFilter: (details: string) => new AppError('CATALOG-400-008', 'Invalid product filter', { details }),
  productNotFound: () => new AppError('CATALOG-404-001', 'Product not found'),
  categoryNotFound: () => new AppError('CATALOG-404-002', 'Category not found'),
  optionNotFound: () => new AppError('CATALOG-404-004', 'Option not found'),
  noSkuWithOptions: () => new AppError('CATALOG-404-004', 'No SKU has these options'),
  brandNotFound: () => new AppError('CATALOG-404-005', 'Brand not found'),
  attributeNotFound: () => new AppError('CATALOG-404-008', 'Attribute not found'),
  discountNotFound: () => new AppError('CATALOG-404-009', 'Discount policy not found'),
  categoryNameTaken: () => new AppError('CATALOG-409-002', 'A category with this name exists under the same parent'),
  attributeNameTaken: () => new AppError('CATALOG-409-003', 'The category already has an attribute with this name'),
  // Pricing rules a schema cannot express (RATE over 100, a promotion above the price, a window ending before it starts)
  // are field errors under the COMMON-400-004 a schema failure gives: one shape for "fix this field".
  invalidField: (field: string, value: unknown, reason: string) => CommonErrors.validation([{ field, value, reason }]),
} as const
