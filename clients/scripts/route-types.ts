// Prints the platform's route tree (src/routes.ts → ApiRoutes, built from the services' own Elysia apps) as one
// self-contained TypeScript type: every object, union and intersection written out, so the published package's
// declarations need neither the services nor the platform (nor drizzle, ioredis, …) to resolve.
import { join } from 'node:path'
import ts from 'typescript'

const MAX_DEPTH = 40

/** `export type ApiRoutes = { … }` as source text, from the routes file at `routesFile`. */
export function expandedRouteTypes(routesFile: string): string {
  const configPath = join(import.meta.dir, '../tsconfig.json')
  const parsed = ts.parseJsonConfigFileContent(
    ts.readConfigFile(configPath, ts.sys.readFile).config,
    ts.sys,
    join(import.meta.dir, '..'),
  )
  const program = ts.createProgram({ rootNames: [routesFile], options: parsed.options })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(routesFile)
  if (!source) throw new Error(`cannot read ${routesFile}`)
  const alias = source.statements.find(
    (s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === 'ApiRoutes',
  )
  if (!alias) throw new Error(`${routesFile} has no ApiRoutes type`)
  const printer = typePrinter(checker)
  const root = printer.print(checker.getTypeAtLocation(alias.name), 0)
  const hoisted = [...printer.hoisted].map(([name, text]) => `type ${name} = ${text}\n`).join('')
  return `${hoisted}export type ApiRoutes = ${root}\n`
}

const quoteKey = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) || /^\d+$/.test(name) ? name : JSON.stringify(name))

function typePrinter(checker: ts.TypeChecker) {
  const flat = (type: ts.Type) =>
    checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias)

  const print = (type: ts.Type, depth: number): string => {
    if (depth > MAX_DEPTH) throw new Error(`route type deeper than ${MAX_DEPTH}: ${flat(type)}`)
    const f = type.flags
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never | ts.TypeFlags.Void | ts.TypeFlags.Undefined))
      return flat(type)
    if (f & (ts.TypeFlags.Null | ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike))
      return f & ts.TypeFlags.Union ? union(type as ts.UnionType, depth) : flat(type)
    if (f & (ts.TypeFlags.BigIntLike | ts.TypeFlags.ESSymbolLike)) return flat(type)
    if (type.isUnion()) return union(type, depth)
    if (f & ts.TypeFlags.Object || type.isIntersection()) return object(type, depth)
    return flat(type)
  }

  const union = (type: ts.UnionType, depth: number) => {
    const parts = [...new Set(type.types.map((t) => print(t, depth + 1)))]
    return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' | ')})`
  }

  // A recursive type (a category tree) is written once under its own name and referred to by it.
  const onPath = new Map<string, { name: string; used: boolean }>()
  const hoisted = new Map<string, string>()
  const nameFor = (type: ts.Type) => {
    const base = (type.aliasSymbol ?? type.getSymbol())?.getName().replace(/[^\w$]/g, '') || 'Node'
    let name = /^__/.test(base) ? 'Recursive' : base
    for (let i = 2; hoisted.has(name) || [...onPath.values()].some((v) => v.name === name); i++) name = `${base}${i}`
    return name
  }

  const object = (type: ts.Type, depth: number): string => {
    if (checker.isArrayType(type)) {
      const [element] = checker.getTypeArguments(type as ts.TypeReference)
      return element ? `Array<${print(element, depth + 1)}>` : 'unknown[]'
    }
    if (checker.isTupleType(type)) {
      return `[${checker
        .getTypeArguments(type as ts.TypeReference)
        .map((t) => print(t, depth + 1))
        .join(', ')}]`
    }
    const key = flat(type)
    const seen = onPath.get(key)
    if (seen) {
      seen.used = true
      return seen.name
    }
    const entry = { name: nameFor(type), used: false }
    onPath.set(key, entry)
    try {
      const text = objectBody(type, depth)
      if (!entry.used) return text
      hoisted.set(entry.name, text)
      return entry.name
    } finally {
      onPath.delete(key)
    }
  }

  const objectBody = (type: ts.Type, depth: number): string => {
    // Platform globals (Date, File, Blob, ReadableStream, Response, …) stay named: every consumer has them.
    const symbol = type.getSymbol()
    const declaration = symbol?.declarations?.[0]
    if (symbol && declaration?.getSourceFile().hasNoDefaultLib) return flat(type)
    if (declaration?.getSourceFile().fileName.includes('/bun-types/')) return flat(type)
    if (type.getCallSignatures().length > 0) return flat(type)
    const members = checker.getPropertiesOfType(type).map((p) => {
      const optional = p.flags & ts.SymbolFlags.Optional ? '?' : ''
      const readonly =
        p.declarations?.some((d) => ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Readonly) === true
          ? 'readonly '
          : ''
      const propType = checker.getTypeOfSymbol(p)
      const printed = print(optional ? checker.getNonNullableType(propType) : propType, depth + 1)
      return `${readonly}${quoteKey(p.getName())}${optional}: ${printed}`
    })
    for (const info of checker.getIndexInfosOfType(type)) {
      members.push(`[key: ${flat(info.keyType)}]: ${print(info.type, depth + 1)}`)
    }
    return `{ ${members.join('; ')} }`
  }
  return { print, hoisted }
}

if (import.meta.main) {
  process.stdout.write(expandedRouteTypes(join(import.meta.dir, '../src/routes.ts')))
}
