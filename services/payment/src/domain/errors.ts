import { AppError } from '@commerce/platform/http'

/** The PAYMENT codes (original §7.1 numbering where it had one). Status = the code's middle part. */
export const PaymentErrors = {
  notFound: () => new AppError('PAYMENT-404-001', 'Payment not found'),
  notPayable: (status: string) =>
    new AppError('PAYMENT-409-002', `The payment is ${status} and cannot be confirmed`, { details: status }),
  orderCancelled: () => new AppError('PAYMENT-409-003', 'The order was cancelled; nothing stays charged'),
  notReady: () => new AppError('PAYMENT-409-004', 'No payment is ready for this order yet; retry shortly'),
  expired: () => new AppError('PAYMENT-409-005', 'The payment window has closed'),
  confirmInProgress: () =>
    new AppError('PAYMENT-409-006', 'Another confirm of this payment (another paymentKey) is in progress'),
  declined: (pgErrorCode: string) =>
    new AppError('PAYMENT-422-001', 'The PG declined the payment', { details: pgErrorCode }),
  notProcessed: (pgErrorCode: string) =>
    new AppError('PAYMENT-422-002', 'The PG could not process the payment; nothing was charged', {
      details: pgErrorCode,
    }),
  amountMismatch: () => new AppError('PAYMENT-422-003', 'The amount differs from the payment amount'),
  outcomeUnknown: () =>
    new AppError('PAYMENT-503-001', 'The PG did not answer; the payment is settled shortly, retry to see the outcome'),
} as const
