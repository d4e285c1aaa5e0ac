import { producer } from '../cloud-event'

/** Defines an event the inventory service publishes: source /commerce/inventory, topic commerce.inventory.events. */
export const inventoryEvent = producer({ source: '/commerce/inventory', aggregateType: 'inventory' })
