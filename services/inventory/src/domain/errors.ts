import { AppError } from '@commerce/platform/http'

/** The INVENTORY codes (original §5.1 numbering). */
export const InventoryErrors = {
  invalidQuantity: (details: string) => new AppError('INVENTORY-400-001', 'Invalid quantity', { details }),
  inventoryNotFound: () => new AppError('INVENTORY-404-002', 'No stock is known for this SKU'),
  notEnoughStock: (available: number) =>
    new AppError('INVENTORY-409-001', 'Not enough stock', { details: `available: ${available}` }),
} as const
