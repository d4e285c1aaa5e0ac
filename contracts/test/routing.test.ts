import { describe, expect, test } from 'bun:test'
import type { EventMeta } from '../src/index'
import { eachEvent, loadFixture } from './support'

// Where each event's fixture goes, written out by hand: topic, partition key, CloudEvents subject, source and
// dataschema. Consumers and the broker depend on these; a refactor of how definitions are written must not move them.
const pinned: Record<string, [topic: string, key: string, subject: string, source: string]> = {
  'order.placed v1': ['commerce.order.events', '1042', 'order/1042', '/commerce/order'],
  'order.cancelled v1': ['commerce.order.events', '1042', 'order/1042', '/commerce/order'],
  'order.confirmed v1': ['commerce.order.events', '1042', 'order/1042', '/commerce/order'],
  'order.refund.requested v1': ['commerce.order.events', '1042', 'order/1042', '/commerce/order'],
  'order.refunded v1': ['commerce.order.events', '1042', 'order/1042', '/commerce/order'],
  'order.compensation.retry.requested v1': ['commerce.order.events', '1042', 'order/1042', '/commerce/order'],
  'stock.reserved v1': ['commerce.inventory.events', '1042', 'order/1042', '/commerce/inventory'],
  'stock.reservation.failed v1': ['commerce.inventory.events', '1043', 'order/1043', '/commerce/inventory'],
  'stock.released v1': ['commerce.inventory.events', '1042', 'order/1042', '/commerce/inventory'],
  'stock.confirmed v1': ['commerce.inventory.events', '1042', 'order/1042', '/commerce/inventory'],
  'stock.confirm.failed v1': ['commerce.inventory.events', '1042', 'order/1042', '/commerce/inventory'],
  'stock.reservation.expired v1': ['commerce.inventory.events', '1044', 'order/1044', '/commerce/inventory'],
  'stock.depleted v1': ['commerce.inventory.events', '317', 'sku/317', '/commerce/inventory'],
  'stock.restored v1': ['commerce.inventory.events', '317', 'sku/317', '/commerce/inventory'],
  'payment.created v1': ['commerce.payment.events', '1042', 'payment/880', '/commerce/payment'],
  'payment.completed v1': ['commerce.payment.events', '1042', 'payment/880', '/commerce/payment'],
  'payment.failed v1': ['commerce.payment.events', '1043', 'payment/881', '/commerce/payment'],
  'payment.refunded v1': ['commerce.payment.events', '1042', 'payment/880', '/commerce/payment'],
  'payment.refund.failed v1': ['commerce.payment.events', '1042', 'payment/880', '/commerce/payment'],
  'product.sku.created v1': ['commerce.catalog.events', '77', 'sku/301', '/commerce/catalog'],
  'product.sku.deactivated v1': ['commerce.catalog.events', '77', 'sku/302', '/commerce/catalog'],
  'product.changed v1': ['commerce.catalog.events', '77', 'product/77', '/commerce/catalog'],
  'product.price.changed v1': ['commerce.catalog.events', '77', 'sku/301', '/commerce/catalog'],
  'user.registered v1': ['commerce.user.events', '17', 'user/17', '/commerce/user'],
  'user.withdrawn v1': ['commerce.user.events', '17', 'user/17', '/commerce/user'],
  'user.locked v1': ['commerce.user.events', '17', 'user/17', '/commerce/user'],
}

const meta: EventMeta = { now: new Date('2026-03-01T09:30:00.000Z'), correlationId: 'c', causationId: 'c' }

describe('routing pinned per event', () => {
  test('every event version has a pinned routing, and every pin names an event version', () => {
    expect(Object.keys(pinned).sort()).toEqual(eachEvent.map(([label]) => label).sort())
  })

  test.each(eachEvent)(
    '%s fixture goes to its pinned topic, key, subject, source and dataschema',
    async (label, def) => {
      const outgoing = def.create(await loadFixture(def), meta)
      const [topic, key, subject, source] = pinned[label] ?? ['unpinned', 'unpinned', 'unpinned', 'unpinned']

      expect({
        topic: outgoing.topic,
        aggregateTopic: `commerce.${outgoing.aggregateType}.events`,
        key: outgoing.key,
        subject: outgoing.event.subject,
        source: outgoing.event.source,
        dataschema: outgoing.event.dataschema,
      }).toEqual({
        topic,
        aggregateTopic: topic,
        key,
        subject,
        source,
        dataschema: `urn:commerce:schema:${label.replace(' v', ':v')}`,
      })
    },
  )
})
