export { PaymentCompletedV1 } from './payment-completed.v1'
export { PaymentCreatedV1 } from './payment-created.v1'
export { PaymentFailedV1, PaymentFailureReason } from './payment-failed.v1'
export { PaymentRefundedV1, PaymentRefundReason } from './payment-refunded.v1'
