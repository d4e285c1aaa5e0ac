import { describe, expect, test } from 'bun:test'
import { join } from 'node:path'
import type { TSchema } from '@sinclair/typebox'
import * as catalog from '../src/catalog'
import type { EventDefinition } from '../src/cloud-event'
import { allEvents } from '../src/index'
import * as inventory from '../src/inventory'
import * as order from '../src/order'
import * as payment from '../src/payment'
import * as user from '../src/user'
import { eachEvent } from './support'

// SPEC §5: the event catalogue.
const specCatalogue = [
  'order.placed',
  'order.cancelled',
  'order.confirmed',
  'order.refund.requested',
  'order.refunded',
  'stock.reserved',
  'stock.reservation.failed',
  'stock.released',
  'stock.confirmed',
  'stock.confirm.failed',
  'stock.reservation.expired',
  'stock.depleted',
  'stock.restored',
  'payment.created',
  'payment.completed',
  'payment.failed',
  'payment.refunded',
  'product.sku.created',
  'product.sku.deactivated',
  'product.changed',
  'product.price.changed',
  'user.registered',
  'user.withdrawn',
  // Beyond SPEC §5, added by an issue: auth learns of an admin lock (issue 8).
  'user.locked',
  // A refund or the refund of a cancelled order that failed after its retries: the order needs an operator (issue 11).
  'payment.refund.failed',
  // An operator retries that failed compensation: payment re-runs the failed refunds (issue 13).
  'order.compensation.retry.requested',
]

// The first word of a type names its producer; the producer's sub-path folder is its aggregate type.
const producers: Record<string, { source: string; aggregateType: string }> = {
  order: { source: '/commerce/order', aggregateType: 'order' },
  stock: { source: '/commerce/inventory', aggregateType: 'inventory' },
  payment: { source: '/commerce/payment', aggregateType: 'payment' },
  product: { source: '/commerce/catalog', aggregateType: 'catalog' },
  user: { source: '/commerce/user', aggregateType: 'user' },
}

const subPaths = { order, inventory, payment, catalog, user }
const isDefinition = (value: unknown): value is EventDefinition<TSchema> =>
  typeof value === 'object' && value !== null && 'dataschema' in value

describe('event catalogue', () => {
  test('it holds exactly the event types SPEC §5 lists, plus those issues added', () => {
    expect(allEvents.map((def) => def.type).sort()).toEqual([...specCatalogue].sort())
  })

  test('no two definitions share a type and version', () => {
    const names = allEvents.map((def) => `${def.type}.v${def.version}`)
    expect(new Set(names).size).toBe(names.length)
  })

  test('types are short dotted names without a domain prefix or version (the version lives in dataschema)', () => {
    const bad = allEvents.filter((def) => !/^[a-z]+(\.[a-z]+)+$/.test(def.type) || def.type.startsWith('commerce.'))
    expect(bad.map((def) => def.type)).toEqual([])
  })

  test.each(eachEvent)('%s names its producer, topic and dataschema consistently', (_, def) => {
    const { type } = def
    const producer = producers[type.split('.')[0] ?? '']
    expect({
      source: def.source,
      aggregateType: def.aggregateType,
      topic: def.topic,
      dataschema: def.dataschema,
    }).toEqual({
      source: producer?.source ?? 'unknown producer',
      aggregateType: producer?.aggregateType ?? 'unknown producer',
      topic: `commerce.${producer?.aggregateType}.events`,
      dataschema: `urn:commerce:schema:${type}:v${def.version}`,
    })
    expect(Number.isInteger(def.version) && def.version >= 1).toBe(true)
  })

  test('each producer sub-path exports exactly its own definitions, and allEvents lists all of them', () => {
    const exported = Object.entries(subPaths).flatMap(([folder, module]) =>
      Object.values(module)
        .filter(isDefinition)
        .map((def) => ({ folder, def })),
    )
    expect(exported.filter(({ folder, def }) => def.aggregateType !== folder)).toEqual([])
    expect(new Set(exported.map(({ def }) => def))).toEqual(new Set(allEvents))
  })

  test.each(eachEvent)('%s lives in <producer>/<type-with-dashes>.v<N>.ts', async (_, def) => {
    const { type } = def
    const file = join(
      import.meta.dir,
      '..',
      'src',
      def.aggregateType,
      `${type.replaceAll('.', '-')}.v${def.version}.ts`,
    )
    expect(await Bun.file(file).exists()).toBe(true)
  })
})
