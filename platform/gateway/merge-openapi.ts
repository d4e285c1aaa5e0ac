import { type Route, underPrefix } from './routes'

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are read as plain JSON
type Json = any

/** One service's OpenAPI document, as its /openapi/json serves it. */
export interface ServiceDocument {
  service: string
  document: Json
}

const capitalized = (service: string) =>
  service
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')

/** Replaces `#/components/schemas/<from>` references by `#/components/schemas/<to>` in a copy of `value`. */
function renameRefs(value: Json, renames: Map<string, string>): Json {
  if (renames.size === 0 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((item) => renameRefs(item, renames))
  const copy: Json = {}
  for (const [key, item] of Object.entries(value)) {
    const target = key === '$ref' && typeof item === 'string' ? item.replace('#/components/schemas/', '') : undefined
    copy[key] =
      target !== undefined && renames.has(target)
        ? `#/components/schemas/${renames.get(target)}`
        : renameRefs(item, renames)
  }
  return copy
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * One document for the gateway: each service's paths that the route table sends to it (so never /internal or
 * /health), its tags and components; a schema name two services use for different schemas is prefixed with the
 * service's name (`CatalogPage`), and that service's references follow.
 */
export function mergeOpenApi(input: { routes: Route[]; documents: ServiceDocument[]; title: string }): Json {
  const paths: Json = {}
  const schemas: Json = {}
  const securitySchemes: Json = {}
  const tags = new Map<string, Json>()
  for (const { service, document } of input.documents) {
    const prefixes = input.routes.filter((route) => route.service === service).map((route) => route.prefix)
    const renames = new Map<string, string>()
    for (const [name, schema] of Object.entries<Json>(document.components?.schemas ?? {})) {
      if (schemas[name] === undefined || same(schemas[name], schema)) continue
      renames.set(name, `${capitalized(service)}${name}`)
    }
    for (const [name, schema] of Object.entries<Json>(document.components?.schemas ?? {})) {
      schemas[renames.get(name) ?? name] = renameRefs(schema, renames)
    }
    Object.assign(securitySchemes, document.components?.securitySchemes ?? {})
    for (const [path, item] of Object.entries<Json>(document.paths ?? {})) {
      if (!prefixes.some((prefix) => underPrefix(path, prefix))) continue
      if (paths[path] !== undefined) throw new Error(`OpenAPI: ${path} is documented by two services`)
      paths[path] = renameRefs(item, renames)
    }
    for (const tag of document.tags ?? []) if (!tags.has(tag.name)) tags.set(tag.name, tag)
  }
  const services = input.documents.map((d) => d.service).join(', ')
  return {
    openapi: '3.1.0',
    info: {
      title: input.title,
      version: '1',
      description: `Every public route of the services behind the gateway (${services}), one document.`,
    },
    servers: [{ url: '/', description: 'the gateway' }],
    ...(tags.size > 0 ? { tags: [...tags.values()] } : {}),
    paths,
    components: { securitySchemes, schemas },
  }
}
