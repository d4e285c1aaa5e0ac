// Compares a published JSON Schema (the committed snapshot) with the current one and lists every change that
// could break a consumer. Consumers validate with whichever version they were built with, so both directions
// matter: a tightened rule rejects events already on the topic, a loosened one lets producers send values that
// consumers on the published schema reject. The only safe changes are new optional properties and annotations.

// The keywords read by name are declared so they can be read with dot access; the rest are read by variable.
interface Schema {
  readonly type?: unknown
  readonly const?: unknown
  readonly enum?: unknown
  readonly anyOf?: unknown
  readonly properties?: unknown
  readonly required?: unknown
  readonly items?: unknown
  readonly additionalProperties?: unknown
  readonly [keyword: string]: unknown
}

// Annotations do not change which documents are valid.
const annotations = new Set(['description', 'title', 'examples', '$comment', 'default', 'deprecated', '$id'])
const lowerBounds = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties']
const upperBounds = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties']
// Keywords handled explicitly below; any other keyword that differs is reported as changed.
const handled = new Set([
  ...annotations,
  ...lowerBounds,
  ...upperBounds,
  'type',
  'const',
  'enum',
  'anyOf',
  'properties',
  'required',
  'items',
  'additionalProperties',
])

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)
const at = (path: string): string => (path === '' ? '(root)' : path)
const child = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`)

/** Every change from `published` to `current` that can break a consumer; empty when compatible. */
export function breakingChanges(published: unknown, current: unknown): string[] {
  const out: string[] = []
  compare(isSchema(published) ? published : {}, isSchema(current) ? current : {}, { path: '', out })
  return out
}

interface Context {
  path: string
  out: string[]
}

function compare(before: Schema, after: Schema, ctx: Context): void {
  // Closed value sets first: TypeBox writes a one-member union as a typed const, so `type` may differ harmlessly.
  if (literals(before) || literals(after)) {
    compareLiterals(before, after, ctx)
    return
  }
  if (!same(before.type, after.type)) {
    ctx.out.push(`type changed at ${at(ctx.path)}: ${show(before.type)} → ${show(after.type)}`)
    return
  }
  if (Array.isArray(before.anyOf) || Array.isArray(after.anyOf)) compareUnion(before, after, ctx)
  compareBounds(before, after, ctx)
  compareObject(before, after, ctx)
  if (isSchema(before.items) && isSchema(after.items)) {
    compare(before.items, after.items, { ...ctx, path: `${ctx.path}[]` })
  } else if (!same(before.items, after.items)) {
    ctx.out.push(`array items changed at ${at(ctx.path)}`)
  }
  compareOthers(before, after, ctx)
}

// pattern, format, multipleOf, uniqueItems, patternProperties…: adding one tightens, dropping one loosens, and a
// changed value cannot be judged safe without proving one language contains the other.
function compareOthers(before: Schema, after: Schema, ctx: Context): void {
  for (const keyword of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const [was, now] = [before[keyword], after[keyword]]
    if (handled.has(keyword) || same(was, now)) continue
    const how = was === undefined ? ' (tightened)' : now === undefined ? ' (loosened)' : ''
    ctx.out.push(`${keyword} changed at ${at(ctx.path)}: ${show(was)} → ${show(now)}${how}`)
  }
}

/** The closed set of values a schema allows (const, enum, or a union of consts), or undefined if open. */
function literals(schema: Schema): unknown[] | undefined {
  if ('const' in schema) return [schema.const]
  if (Array.isArray(schema.enum)) return schema.enum
  const anyOf = schema.anyOf
  if (Array.isArray(anyOf) && anyOf.length > 0 && anyOf.every((s) => isSchema(s) && 'const' in s)) {
    return anyOf.map((s: Schema) => s.const)
  }
  return undefined
}

function compareLiterals(beforeSchema: Schema, afterSchema: Schema, ctx: Context): void {
  const [before, after] = [literals(beforeSchema), literals(afterSchema)]
  const where = at(ctx.path)
  if (!after) {
    ctx.out.push(`enum widened at ${where}: ${show(before)} → any ${show(afterSchema.type)}`)
    return
  }
  if (!before) {
    ctx.out.push(`enum narrowed at ${where}: any ${show(beforeSchema.type)} → ${show(after)}`)
    return
  }
  const removed = before.filter((v) => !after.some((w) => same(v, w)))
  const added = after.filter((v) => !before.some((w) => same(v, w)))
  if (removed.length > 0) ctx.out.push(`enum narrowed at ${where}: removed ${show(removed)}`)
  // A consumer on the published schema rejects a value it has never seen.
  if (added.length > 0) ctx.out.push(`enum widened at ${where}: added ${show(added)}`)
}

function compareUnion(before: Schema, after: Schema, ctx: Context): void {
  const [a, b] = [before.anyOf, after.anyOf]
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) {
    ctx.out.push(`union changed at ${at(ctx.path)}: ${show(a)} → ${show(b)}`)
    return
  }
  a.forEach((member: unknown, i) => {
    compare(isSchema(member) ? member : {}, isSchema(b[i]) ? b[i] : {}, { ...ctx, path: `${ctx.path}|${i}` })
  })
}

function compareBounds(before: Schema, after: Schema, ctx: Context): void {
  const check = (keyword: string, tighter: (was: number, now: number) => boolean) => {
    const [was, now] = [before[keyword], after[keyword]]
    if (same(was, now)) return
    const where = `${keyword} at ${at(ctx.path)}: ${show(was)} → ${show(now)}`
    const tightened = typeof now === 'number' && (typeof was !== 'number' || tighter(was, now))
    ctx.out.push(tightened ? `${where} (tightened)` : `${where} (loosened)`)
  }
  for (const keyword of lowerBounds) check(keyword, (was, now) => now > was)
  for (const keyword of upperBounds) check(keyword, (was, now) => now < was)
}

function compareObject(before: Schema, after: Schema, ctx: Context): void {
  const wasProps = propertiesOf(before)
  const nowProps = propertiesOf(after)
  const [wasRequired, nowRequired] = [requiredSet(before), requiredSet(after)]
  for (const [name, was] of Object.entries(wasProps)) {
    const path = child(ctx.path, name)
    const now = nowProps[name]
    if (now === undefined) {
      ctx.out.push(`removed property ${path}`)
      continue
    }
    if (!wasRequired.has(name) && nowRequired.has(name)) ctx.out.push(`optional property became required: ${path}`)
    // A consumer on the published schema rejects an event that omits it.
    if (wasRequired.has(name) && !nowRequired.has(name)) ctx.out.push(`required property became optional: ${path}`)
    compare(isSchema(was) ? was : {}, isSchema(now) ? now : {}, { ...ctx, path })
  }
  for (const name of Object.keys(nowProps).filter((n) => !(n in wasProps))) {
    const path = child(ctx.path, name)
    if (nowRequired.has(name)) ctx.out.push(`new required property ${path}`)
    else if (before.additionalProperties === false) ctx.out.push(`new property ${path} where none were allowed`)
  }
  compareAdditional(before.additionalProperties, after.additionalProperties, ctx)
}

function propertiesOf(schema: Schema): Schema {
  const properties = schema.properties
  return isSchema(properties) ? properties : {}
}

function requiredSet(schema: Schema): Set<string> {
  const required = schema.required
  return new Set(Array.isArray(required) ? required.filter((r) => typeof r === 'string') : [])
}

function compareAdditional(was: unknown, now: unknown, ctx: Context): void {
  if (same(was, now)) return
  const open = (value: unknown) => value === undefined || value === true
  if (isSchema(was) && isSchema(now)) {
    compare(was, now, { ...ctx, path: `${ctx.path}{*}` })
    return
  }
  const change = `additionalProperties at ${at(ctx.path)}: ${show(was)} → ${show(now)}`
  ctx.out.push(open(was) && !open(now) ? `${change} (tightened)` : `${change} (loosened)`)
}

function show(value: unknown): string {
  return value === undefined ? 'none' : JSON.stringify(value)
}
