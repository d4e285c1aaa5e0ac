import { AppError, type FieldError } from '@commerce/platform/http'

/** The ORDER codes (original §6.1 numbering where it had one). */
export const OrderErrors = {
  notFound: () => new AppError('ORDER-404-001', 'Order not found'),
  itemNotFound: (itemIds: number[]) =>
    new AppError('ORDER-404-002', 'Order item not found', { details: `itemIds: ${itemIds.join(',')}` }),
  cannotCancel: (status: string) => new AppError('ORDER-409-002', `An order in ${status} cannot be cancelled`),
  cannotRefund: (status: string) => new AppError('ORDER-409-003', `An order in ${status} cannot be refunded`),
  itemNotRefundable: (itemIds: number[]) =>
    new AppError('ORDER-409-007', 'Order items already refunded or with a refund in progress', {
      details: `itemIds: ${itemIds.join(',')}`,
    }),
  notAwaitingOperator: (status: string) =>
    new AppError('ORDER-409-008', `An order in ${status} is not waiting for an operator (only NEEDS_ATTENTION is)`),
  skuNotFound: (skuIds: number[]) =>
    new AppError('ORDER-422-001', 'SKU not found', { details: `skuIds: ${skuIds.join(',')}` }),
  skuNotActive: (skuIds: number[]) =>
    new AppError('ORDER-422-002', 'SKU is not on sale', { details: `skuIds: ${skuIds.join(',')}` }),
  addressNotFound: () => new AppError('ORDER-422-004', 'Shipping address not found'),
} as const

/** The CART codes (original §6.1). */
export const CartErrors = {
  invalidRequest: (message: string) => new AppError('CART-400-001', message),
  invalidQuantity: (fieldErrors: FieldError[]) =>
    new AppError('CART-400-002', 'Invalid cart quantity', { fieldErrors }),
  cartNotFound: () => new AppError('CART-404-001', 'Cart not found'),
  itemNotFound: () => new AppError('CART-404-002', 'Cart item not found'),
  changedDuringCheckout: () => new AppError('CART-409-002', 'The cart changed during checkout; check out again'),
} as const
