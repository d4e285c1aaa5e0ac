import { describe, expect, test } from 'bun:test'
import { type TProperties, Type } from '@sinclair/typebox'
import { breakingChanges } from '../src/compat'

// A published v1 and helpers that derive "current" schemas from it, as JSON (what snapshots hold).
const properties = {
  orderId: Type.Integer({ minimum: 1 }),
  reason: Type.Union([Type.Literal('USER_REQUEST'), Type.Literal('PAYMENT_FAILED')]),
  note: Type.Optional(Type.String({ maxLength: 100 })),
  items: Type.Array(Type.Object({ skuId: Type.Integer(), quantity: Type.Integer({ minimum: 1 }) }), { minItems: 1 }),
}
const json = (schema: unknown): unknown => JSON.parse(JSON.stringify(schema))
const published = json(Type.Object(properties))
const current = (changed: TProperties, options?: object): unknown =>
  json(Type.Object({ ...properties, ...changed }, options))
const without = (name: keyof typeof properties): unknown => {
  const { [name]: _, ...rest } = properties
  return json(Type.Object(rest))
}

describe('breakingChanges: what consumers survive', () => {
  test('when nothing changed, then there is no breaking change', () => {
    expect(breakingChanges(published, json(Type.Object(properties)))).toEqual([])
  })

  test('when a new optional property is added, then the change is compatible', () => {
    expect(breakingChanges(published, current({ couponCode: Type.Optional(Type.String()) }))).toEqual([])
  })

  test('when only descriptions change, then the change is compatible', () => {
    const described = current({ orderId: Type.Integer({ minimum: 1, description: 'The order' }) }, { title: 'X' })
    expect(breakingChanges(published, described)).toEqual([])
  })
})

describe('breakingChanges: what breaks consumers', () => {
  test('when a required field is removed, then the change is breaking', () => {
    expect(breakingChanges(published, without('orderId'))).toEqual(['removed property orderId'])
  })

  test('when an optional field is removed, then the change is breaking', () => {
    expect(breakingChanges(published, without('note'))).toEqual(['removed property note'])
  })

  test('when a nested field is removed, then the change is breaking and names the nested path', () => {
    const items = Type.Array(Type.Object({ skuId: Type.Integer() }), { minItems: 1 })
    expect(breakingChanges(published, current({ items }))).toEqual(['removed property items[].quantity'])
  })

  test('when a field changes type, then the change is breaking', () => {
    const items = Type.Array(Type.Object({ skuId: Type.String(), quantity: Type.Integer({ minimum: 1 }) }), {
      minItems: 1,
    })
    expect(breakingChanges(published, current({ items }))).toEqual([
      'type changed at items[].skuId: "integer" → "string"',
    ])
  })

  test('when an optional field becomes required, then the change is breaking', () => {
    expect(breakingChanges(published, current({ note: Type.String({ maxLength: 100 }) }))).toEqual([
      'optional property became required: note',
    ])
  })

  test('when a required field becomes optional, then the change is breaking (old consumers require it)', () => {
    expect(breakingChanges(published, current({ orderId: Type.Optional(Type.Integer({ minimum: 1 })) }))).toEqual([
      'required property became optional: orderId',
    ])
  })

  test('when a new required field is added, then the change is breaking', () => {
    expect(breakingChanges(published, current({ userId: Type.Integer() }))).toEqual(['new required property userId'])
  })

  test('when an enum loses a value, then the change is breaking', () => {
    expect(breakingChanges(published, current({ reason: Type.Union([Type.Literal('USER_REQUEST')]) }))).toEqual([
      'enum narrowed at reason: removed ["PAYMENT_FAILED"]',
    ])
  })

  test('when an enum gains a value, then the change is breaking (old consumers reject the new value)', () => {
    const reason = Type.Union([Type.Literal('USER_REQUEST'), Type.Literal('PAYMENT_FAILED'), Type.Literal('OTHER')])
    expect(breakingChanges(published, current({ reason }))).toEqual(['enum widened at reason: added ["OTHER"]'])
  })

  test('when a free string becomes a literal, then the change is breaking', () => {
    expect(breakingChanges(published, current({ note: Type.Optional(Type.Literal('x')) }))).toEqual([
      'enum narrowed at note: any "string" → ["x"]',
    ])
  })

  test('when a literal becomes a free string, then the change is breaking', () => {
    expect(breakingChanges(published, current({ reason: Type.String() }))).toEqual([
      'enum widened at reason: ["USER_REQUEST","PAYMENT_FAILED"] → any "string"',
    ])
  })

  test('when a minimum is raised, then the change is breaking', () => {
    expect(breakingChanges(published, current({ orderId: Type.Integer({ minimum: 10 }) }))).toEqual([
      'minimum at orderId: 1 → 10 (tightened)',
    ])
  })

  test('when a minimum is lowered, then the change is breaking (old consumers reject the new values)', () => {
    expect(breakingChanges(published, current({ orderId: Type.Integer({ minimum: 0 }) }))).toEqual([
      'minimum at orderId: 1 → 0 (loosened)',
    ])
  })

  test('when a maximum length is lowered, then the change is breaking', () => {
    expect(breakingChanges(published, current({ note: Type.Optional(Type.String({ maxLength: 50 })) }))).toEqual([
      'maxLength at note: 100 → 50 (tightened)',
    ])
  })

  test('when an array gains a minimum size, then the change is breaking', () => {
    const items = Type.Array(Type.Object({ skuId: Type.Integer(), quantity: Type.Integer({ minimum: 1 }) }), {
      minItems: 2,
    })
    expect(breakingChanges(published, current({ items }))).toEqual(['minItems at items: 1 → 2 (tightened)'])
  })

  test('when a pattern is added, then the change is breaking', () => {
    const note = Type.Optional(Type.String({ maxLength: 100, pattern: '^[a-z]+$' }))
    expect(breakingChanges(published, current({ note }))).toEqual([
      'pattern changed at note: none → "^[a-z]+$" (tightened)',
    ])
  })

  test('when additionalProperties is set to false, then the change is breaking', () => {
    expect(breakingChanges(published, current({}, { additionalProperties: false }))).toEqual([
      'additionalProperties at (root): none → false (tightened)',
    ])
  })

  test('when the published schema forbade extra properties, then even a new optional property is breaking', () => {
    const closed = current({}, { additionalProperties: false })
    const extended = current({ couponCode: Type.Optional(Type.String()) }, { additionalProperties: false })
    expect(breakingChanges(closed, extended)).toEqual(['new property couponCode where none were allowed'])
  })

  test('when several things break, then every one is reported', () => {
    const changed = json(Type.Object({ orderId: Type.String(), reason: properties.reason, items: properties.items }))
    expect(breakingChanges(published, changed)).toEqual([
      'type changed at orderId: "integer" → "string"',
      'removed property note',
    ])
  })
})
