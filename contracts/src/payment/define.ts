import { producer } from '../cloud-event'

/** Defines an event the payment service publishes: source /commerce/payment, topic commerce.payment.events. */
export const paymentEvent = producer({ source: '/commerce/payment', aggregateType: 'payment' })
