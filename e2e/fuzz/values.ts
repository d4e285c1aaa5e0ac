import fc from 'fast-check'
import type { JsonSchema } from './operations'

// Values drawn from an operation's JSON Schema: mostly inside it (boundaries first), sometimes of the wrong type.

/** Ids the fuzz may send as "valid": inside every id schema, above any id the stack hands out (so no real row). */
const NOTHING_FROM = 2 ** 52
const MAX_SAFE = Number.MAX_SAFE_INTEGER

/** Characters that break naive code: NUL, lone surrogates, bidi overrides, BOM, quotes, separators, CJK, emoji. */
const hostileChars = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\u202e',
  '\u200f',
  '\ufeff',
  '\u200b',
  '\u2028',
  '\u0085',
  "'",
  '"',
  '\\',
  '<',
  '%',
  '\n',
  '한',
  'ع',
  '😀',
]

/** One string unit: hostile characters, any code point, or plain ASCII. */
const unit = fc.oneof(
  { arbitrary: fc.constantFrom(...hostileChars), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 2 },
  { arbitrary: fc.constantFrom(...'abcXYZ0189-_. @'), weight: 5 },
)

/** A string of `unit`s whose length is `min`, `max` or in between (boundaries weigh as much as the inside). */
export function hostileString(min = 0, max = 40): fc.Arbitrary<string> {
  const top = Math.min(max, 300)
  return fc.oneof(
    fc.string({ unit, minLength: min, maxLength: min }),
    fc.string({ unit, minLength: top, maxLength: top }),
    fc.string({ unit, minLength: min, maxLength: Math.min(top, min + 20) }),
  )
}

/** Wrong-type and extreme values a field may get instead of its own. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, -1, 0, 2 ** 63, -(2 ** 63), 1e308, 0.5, '', '9223372036854775808', 'NaN', [], {}),
  fc.jsonValue({ maxDepth: 2 }),
)

const isIdName = (name: string) => /(^id$|Id$|Ids$)/.test(name)

function integerOf(schema: JsonSchema, asId: boolean): fc.Arbitrary<number> {
  const min = Math.max(schema.minimum ?? -MAX_SAFE, -MAX_SAFE)
  const max = Math.min(schema.maximum ?? MAX_SAFE, MAX_SAFE)
  // An id the schema allows but no row has: the request reaches the use case and finds nothing to change.
  if (asId && max >= NOTHING_FROM) {
    return fc.oneof(fc.constant(max), fc.bigInt(BigInt(NOTHING_FROM), BigInt(max)).map(Number))
  }
  return fc.oneof(fc.constantFrom(min, max), fc.bigInt(BigInt(min), BigInt(max)).map(Number))
}

const integerLike = (schema: JsonSchema) =>
  schema.type === 'integer' || (schema.anyOf ?? []).some((s) => s.type === 'integer')

const numericSchema = (schema: JsonSchema) => schema.anyOf?.find((s) => s.type === 'integer') ?? schema

function objectOf(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {}
  const model = Object.fromEntries(Object.entries(properties).map(([name, s]) => [name, anyValueOf(s, name)]))
  const record = fc.record(model, { requiredKeys: schema.required ?? [] })
  // Fields a client must not set: roles, states and ids (mass assignment); the answer must ignore or refuse them.
  const extras = fc.option(
    fc.record(
      {
        role: fc.constantFrom('ADMIN', 'admin'),
        roles: fc.constant(['ADMIN']),
        status: fc.constantFrom('CONFIRMED', 'PAID'),
        id: fc.constant(1),
        userId: fc.constant(1),
      },
      { requiredKeys: [] },
    ),
    { nil: {} },
  )
  return fc.tuple(record, extras).map(([r, e]) => ({ ...e, ...r }))
}

/** A value for `schema` (a field called `name`): inside the schema most of the time, of the wrong type sometimes. */
export function anyValueOf(schema: JsonSchema, name = ''): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: validValueOf(schema, name), weight: 8 }, { arbitrary: wrongValue, weight: 1 })
}

/** A value inside `schema`, boundaries favoured; ids point at nothing. */
export function validValueOf(schema: JsonSchema, name = ''): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  if (integerLike(schema)) {
    const numbers = integerOf(numericSchema(schema), isIdName(name))
    // The services take integers as numbers and as numeric strings (TypeBox Numeric): send both.
    return schema.anyOf ? fc.oneof(numbers, numbers.map(String)) : numbers
  }
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => validValueOf(s, name)))
  switch (schema.type) {
    case 'string':
      if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString())
      if (schema.format === 'email') return fc.oneof(fc.emailAddress(), hostileString(1, 80))
      return hostileString(schema.minLength ?? 0, schema.maxLength ?? 60)
    case 'number':
      return fc.oneof(
        fc.constantFrom(schema.minimum ?? 0, schema.maximum ?? 1e15),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
      )
    case 'boolean':
      return fc.boolean()
    case 'array': {
      const minLength = schema.minItems ?? 0
      const maxLength = Math.min(schema.maxItems ?? minLength + 3, minLength + 3)
      return fc.array(validValueOf(schema.items ?? {}, name), { minLength, maxLength })
    }
    case 'object':
      return objectOf(schema)
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}

/** The segment or query value a parameter gets: integers as text, strings percent-encoded byte by byte. */
export const asUrlText = (value: unknown): string =>
  typeof value === 'string' ? percentEncode(value) : encodeURIComponent(JSON.stringify(value) ?? 'null')

/** encodeURIComponent, except that a lone surrogate is sent as the (invalid) UTF-8 bytes a hostile client would send. */
function percentEncode(text: string): string {
  return text.replace(/[\s\S]/gu, (char) => {
    const code = char.codePointAt(0) ?? 0
    if (code >= 0xd800 && code <= 0xdfff) return `%ED%${(0xa0 + ((code >> 6) & 0x1f)).toString(16).toUpperCase()}%80`
    return encodeURIComponent(char)
  })
}
