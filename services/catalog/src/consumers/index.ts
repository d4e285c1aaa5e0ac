import type { EventHandler } from '@commerce/platform/kafka'

/** Catalog's handlers: availability from inventory, sales counts from inventory and order. */
export const catalogHandlers = (): EventHandler[] => []
