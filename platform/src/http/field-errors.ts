import { Value } from '@sinclair/typebox/value'
import type { TSchema, ValidationError } from 'elysia'
import type { FieldError } from './app-error'
import type { RouteSchemas } from './route-inspector'

/** The parts of a TypeBox value error this module reads; unions nest their alternatives' errors. */
interface ValueIssue {
  path: string
  value: unknown
  message: string
  errors?: Iterable<ValueIssue>[]
}

const secretField = /pass(word)?|secret|token|authorization|card/i

/** `/items/0/quantity` → `items[0].quantity`; the root is named after the request part (`body`, `query`…). */
function fieldName(path: string, part: string): string {
  const segments = path.split('/').slice(1)
  if (segments.length === 0) return part
  return segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('')
}

function first(issues: Iterable<ValueIssue>): ValueIssue | undefined {
  for (const issue of issues) return issue
  return undefined
}

// Elysia wraps numbers and booleans in a union with their string form so it can coerce query strings; the
// union's own message ("Expected union value") says nothing, so the most specific alternative is reported.
function specific(issue: ValueIssue): ValueIssue {
  const alternatives = (issue.errors ?? []).map(first).filter((a): a is ValueIssue => a !== undefined)
  const best = alternatives.reduce<ValueIssue | undefined>(
    (acc, a) => (acc && acc.path.length > a.path.length ? acc : a),
    undefined,
  )
  return best ? specific(best) : issue
}

/** The request parts a failing value can be traced back to, and the route's schemas for them when known. */
export interface RequestInputs {
  params?: unknown
  query?: unknown
  body?: unknown
  schemas?: RouteSchemas | undefined
}

function* leaves(value: unknown, path: string): Generator<[string, unknown]> {
  if (value === null || typeof value !== 'object') yield [path, value]
  else for (const [key, child] of Object.entries(value)) yield* leaves(child, `${path}/${key}`)
}

const sameValue = (raw: unknown, decoded: unknown) =>
  raw === decoded || (typeof raw === 'string' && raw.trim() !== '' && Number(raw) === decoded)

function schemaAt(schema: TSchema | undefined, path: string): TSchema | undefined {
  let current = schema
  for (const segment of path.split('/').slice(1)) {
    const node = current as { properties?: Record<string, TSchema>; items?: TSchema } | undefined
    current = /^\d+$/.test(segment) ? node?.items : node?.properties?.[segment]
  }
  return current
}

// Two fields may carry the same value (`/orders/5/lines/5`): the one whose own schema rejects it is the culprit.
function rejects(inputs: RequestInputs, part: 'params' | 'query' | 'body', at: { path: string; value: unknown }) {
  const schema = schemaAt(inputs.schemas?.[part], at.path)
  if (!schema || typeof schema !== 'object') return true
  try {
    return !Value.Check(schema, at.value)
  } catch {
    return true
  }
}

// Elysia checks coerced numbers (`?size=500`, `:id`) after decoding and then reports the value without its
// path (type 'property'); the path is recovered by finding where the request carried that value.
function locate(error: ValidationError, inputs: RequestInputs): { path: string; part: string } {
  let fallback: { path: string; part: string } | undefined
  for (const part of ['params', 'query', 'body'] as const) {
    for (const [path, raw] of leaves(inputs[part], '')) {
      if (!path || !sameValue(raw, error.value)) continue
      if (rejects(inputs, part, { path, value: error.value })) return { path, part }
      fallback ??= { path, part }
    }
  }
  return fallback ?? { path: '', part: 'parameter' }
}

const maxEchoedLength = 100

// The rejected value is echoed to help the caller, but never a megabyte of it back: long strings are cut, and
// objects or arrays are summarised (their fields get entries of their own).
function echoed(value: unknown): unknown {
  if (value === undefined || value === null) return null
  if (typeof value === 'string') return value.length > maxEchoedLength ? `${value.slice(0, maxEchoedLength)}…` : value
  if (typeof value === 'object') return Array.isArray(value) ? '[array]' : '[object]'
  return value
}

/** One entry per failing field (first reason wins), secrets masked so a password is never echoed back. */
export function fieldErrorsOf(error: ValidationError, inputs: RequestInputs = {}): FieldError[] {
  const byField = new Map<string, FieldError>()
  const located = error.type === 'property' ? locate(error, inputs) : undefined
  for (const raw of error.all as ValueIssue[]) {
    const issue = specific(raw)
    const field = located ? fieldName(located.path, located.part) : fieldName(issue.path, error.type)
    if (byField.has(field)) continue
    const value = secretField.test(field) ? '[REDACTED]' : echoed(issue.value)
    // JSON has no undefined: an undefined value is an absent property, whatever type the checker expected.
    const reason = issue.value === undefined ? 'Required' : issue.message
    byField.set(field, { field, value, reason })
  }
  return [...byField.values()]
}
