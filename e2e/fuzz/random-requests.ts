import fc from 'fast-check'
import type { Operation, Parameter } from './operations'
import type { FuzzRequest, Identity } from './probe'
import { anyValueOf, asUrlText, hostileString, validValueOf } from './values'

// Random requests for one operation, drawn from its schema: values inside it (boundaries favoured), of the wrong type,
// hostile unicode, mass-assignment fields, duplicated and unknown query parameters, other body encodings.

const integerLike = (p: Parameter) =>
  p.schema.type === 'integer' || (p.schema.anyOf ?? []).some((s) => s.type === 'integer')

function pathArb(op: Operation): fc.Arbitrary<Record<string, string>> {
  const params = op.params.filter((p) => p.in === 'path')
  const model = Object.fromEntries(
    params.map((p) => [
      p.name,
      // Integer ids inside the schema but pointing at nothing: no real row is changed, whoever asks.
      integerLike(p) ? validValueOf(p.schema, 'id').map(asUrlText) : hostileString(1, 40).map(asUrlText),
    ]),
  )
  return fc.record(model)
}

const oddQuery = fc.constantFrom('role=ADMIN', 'page=1&page=2', '__proto__[admin]=1', 'size[]=5', '=x', '%zz')

function queryArb(op: Operation): fc.Arbitrary<string> {
  const params = op.params.filter((p) => p.in === 'query')
  const parts = params.map((p) => {
    const pair = anyValueOf(p.schema, p.name).map((v) => `${p.name}=${asUrlText(v)}`)
    return p.required ? pair : fc.option(pair, { nil: '' })
  })
  return fc
    .tuple(fc.tuple(...parts), fc.option(oddQuery, { nil: '' }))
    .map(([pairs, odd]) => [...pairs, odd].filter(Boolean).join('&'))
}

/** The same value as JSON (mostly), as a form, or as text: the services also parse the other two. */
function encoded(value: unknown): fc.Arbitrary<{ text: string; contentType: string }> {
  const text = JSON.stringify(value) ?? 'null'
  const form = () => {
    const entries = value !== null && typeof value === 'object' ? Object.entries(value) : [['value', value]]
    return new URLSearchParams(
      entries.map(([k, v]): [string, string] => [String(k), typeof v === 'string' ? v : String(JSON.stringify(v))]),
    ).toString()
  }
  return fc.oneof(
    { arbitrary: fc.constant({ text, contentType: 'application/json' }), weight: 8 },
    { arbitrary: fc.constant({ text: form(), contentType: 'application/x-www-form-urlencoded' }), weight: 1 },
    { arbitrary: fc.constant({ text, contentType: 'text/plain' }), weight: 1 },
  )
}

/** Random requests for `op`, sent as one of `identities`. */
export function randomRequests(op: Operation, identities: Identity[]): fc.Arbitrary<FuzzRequest> {
  const body = op.body ? anyValueOf(op.body).chain(encoded) : fc.constant(undefined)
  return fc
    .record({ identity: fc.constantFrom(...identities), path: pathArb(op), query: queryArb(op), body })
    .map(({ body: b, ...rest }) => (b ? { ...rest, body: b } : rest))
}
