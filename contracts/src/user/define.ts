import { producer } from '../cloud-event'

/** Defines an event the user service publishes: source /commerce/user, topic commerce.user.events. */
export const userEvent = producer({ source: '/commerce/user', aggregateType: 'user' })
