import { producer } from '../cloud-event'

/** Defines an event the order service publishes: source /commerce/order, topic commerce.order.events. */
export const orderEvent = producer({ source: '/commerce/order', aggregateType: 'order' })
