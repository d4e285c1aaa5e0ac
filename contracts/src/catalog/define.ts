import { producer } from '../cloud-event'

/** Defines an event the catalog service publishes: source /commerce/catalog, topic commerce.catalog.events. */
export const catalogEvent = producer({ source: '/commerce/catalog', aggregateType: 'catalog' })
