import type { JsonSchema, Operation, Parameter } from './operations'
import type { FuzzRequest } from './probe'

// Requests every operation must refuse with a 4xx: their invalidity follows from the schema alone.

export type Case = Omit<FuzzRequest, 'identity'> & { label: string }

/** An id inside every id schema that no row has (2^52 + 1: above anything the stack hands out). */
export const NOTHING_ID = 2 ** 52 + 1

const integerLike = (schema: JsonSchema) =>
  schema.type === 'integer' || (schema.anyOf ?? []).some((s) => s.type === 'integer')
const integerBranch = (schema: JsonSchema) => schema.anyOf?.find((s) => s.type === 'integer') ?? schema

/** A small value inside `schema` (ids point at nothing): the base the mutations below break one field of. */
export function sampleOf(schema: JsonSchema, name = ''): unknown {
  if (schema.const !== undefined) return schema.const
  if (schema.enum) return schema.enum[0]
  if (integerLike(schema)) {
    const s = integerBranch(schema)
    return /(^id$|Id$)/.test(name) && (s.maximum ?? Number.MAX_SAFE_INTEGER) > NOTHING_ID
      ? NOTHING_ID
      : (s.minimum ?? 1)
  }
  if (schema.anyOf?.[0]) return sampleOf(schema.anyOf[0], name)
  switch (schema.type) {
    case 'string':
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 1))
    case 'number':
      return schema.minimum ?? 1
    case 'boolean':
      return false
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items ?? {}, name))
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((key) => [key, sampleOf(schema.properties?.[key] ?? {}, key)]),
      )
    default:
      return null
  }
}

/** A value of the wrong type for `schema`, or undefined when every JSON value might fit it. */
function wrongTypeFor(schema: JsonSchema): unknown {
  if (integerLike(schema)) return 'not-a-number'
  if (schema.anyOf?.every((s) => s.const !== undefined)) return 'NOT_ONE_OF_THEM'
  if (schema.enum) return 'NOT_ONE_OF_THEM'
  switch (schema.type) {
    case 'string':
      return { $ne: null }
    case 'number':
    case 'boolean':
    case 'array':
      return { not: 'this' }
    case 'object':
      return [1, 2]
    default:
      return undefined
  }
}

/** Values out of `schema`'s range: below the minimum, above the maximum, longer than allowed, too many items. */
function outOfRange(schema: JsonSchema): unknown[] {
  if (integerLike(schema)) {
    const s = integerBranch(schema)
    return [
      ...(s.minimum !== undefined ? [s.minimum - 1] : []),
      ...(s.maximum !== undefined ? [s.maximum + 1] : []),
      2 ** 63,
      1.5,
    ]
  }
  if (schema.type === 'string' && schema.maxLength !== undefined) return ['y'.repeat(schema.maxLength + 1)]
  if (schema.type === 'array' && schema.maxItems !== undefined) {
    return [Array.from({ length: schema.maxItems + 1 }, () => sampleOf(schema.items ?? {}))]
  }
  return []
}

const badSegments = [
  'abc',
  '-1',
  '0',
  '9223372036854775808',
  '9'.repeat(400),
  'x'.repeat(5000),
  '%00',
  '%ED%A0%80',
  'null',
]

function baseOf(op: Operation): Omit<Case, 'label'> {
  const path = Object.fromEntries(
    op.params.filter((p) => p.in === 'path').map((p) => [p.name, integerLike(p.schema) ? String(NOTHING_ID) : 'fuzz']),
  )
  const body = op.body ? { text: JSON.stringify(sampleOf(op.body)), contentType: 'application/json' } : undefined
  return { path, query: requiredQuery(op.params), ...(body ? { body } : {}) }
}

function requiredQuery(params: Parameter[], except?: string): string {
  return params
    .filter((p) => p.in === 'query' && p.required && p.name !== except)
    .map((p) => `${p.name}=${encodeURIComponent(String(sampleOf(p.schema, p.name)))}`)
    .join('&')
}

function parameterCases(op: Operation, base: Omit<Case, 'label'>): Case[] {
  return op.params.flatMap((p): Case[] => {
    if (p.in === 'path' && integerLike(p.schema)) {
      return badSegments.map((bad) => ({
        ...base,
        label: `path ${p.name}=${bad.slice(0, 20)}`,
        path: { ...base.path, [p.name]: bad },
      }))
    }
    if (p.in !== 'query') return []
    const rest = requiredQuery(op.params, p.name)
    const withValue = (value: string) => ({
      ...base,
      label: `query ${p.name}=${value.slice(0, 20)}`,
      query: [rest, `${p.name}=${value}`].filter(Boolean).join('&'),
    })
    const wrong = wrongTypeFor(p.schema)
    const values = [
      ...(typeof wrong === 'string' ? [wrong] : []),
      ...outOfRange(p.schema).map((v) => (typeof v === 'string' ? v.slice(0, 5000) : String(v))),
      ...(integerLike(p.schema) ? ['9'.repeat(400), '-9223372036854775809'] : []),
    ]
    return values.map((v) => withValue(encodeURIComponent(v)))
  })
}

const json = (value: unknown) => ({ text: JSON.stringify(value), contentType: 'application/json' })

/** Bodies that are not the object the operation takes: malformed, another JSON type, nested past any parser's care. */
const malformedBodies: [string, string][] = [
  ['malformed JSON', '{"a":'],
  ['trailing comma', '{"a":1,}'],
  ['an array', '[]'],
  ['a bare string', '"text"'],
  ['a number', '42'],
  ['deeply nested arrays', `${'['.repeat(50_000)}${']'.repeat(50_000)}`],
  ['deeply nested objects', `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`],
  ['over a megabyte', `{"a":"${'z'.repeat(1_100_000)}"}`],
]

function bodyCases(op: Operation, base: Omit<Case, 'label'>): Case[] {
  const schema = op.body
  if (schema?.type !== 'object') return []
  const sample = sampleOf(schema) as Record<string, unknown>
  const cases: Case[] = malformedBodies.map(([label, text]) => ({
    ...base,
    label,
    body: { text, contentType: 'application/json' },
  }))
  const required = schema.required ?? []
  if (required.length > 0) cases.push({ ...base, label: 'empty object', body: json({}) })
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const withField = (label: string, value: unknown) => ({
      ...base,
      label: `${name}: ${label}`,
      body: json({ ...sample, [name]: value }),
    })
    if (required.includes(name)) {
      const { [name]: _, ...without } = sample
      cases.push({ ...base, label: `${name} missing`, body: json(without) })
    }
    const wrong = wrongTypeFor(field)
    if (wrong !== undefined) cases.push(withField('wrong type', wrong))
    for (const value of outOfRange(field)) cases.push(withField(`out of range (${String(value).slice(0, 12)})`, value))
  }
  return cases
}

/** Every request `op` must refuse, each named for the report. */
export function rejectedCases(op: Operation): Case[] {
  const base = baseOf(op)
  return [...parameterCases(op, base), ...bodyCases(op, base)]
}
