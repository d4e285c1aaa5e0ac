import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { e2eConfig } from '../src/config'

/** The part of JSON Schema the services' OpenAPI documents use (TypeBox output). */
export interface JsonSchema {
  type?: string
  format?: string
  const?: unknown
  enum?: unknown[]
  anyOf?: JsonSchema[]
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  minItems?: number
  maxItems?: number
  items?: JsonSchema
  properties?: Record<string, JsonSchema>
  required?: string[]
}

export interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema: JsonSchema
}

/** One operation of one service's OpenAPI document, with the base URL a client reaches it at. */
export interface Operation {
  service: Service
  method: string
  /** The OpenAPI path, `{name}` for path parameters (Elysia writes a trailing slash on group roots; it is dropped). */
  path: string
  baseUrl: string
  params: Parameter[]
  /** The application/json request body's schema, when the operation takes one. */
  body: JsonSchema | undefined
}

export const services = ['auth', 'user', 'catalog', 'inventory', 'order', 'payment'] as const
export type Service = (typeof services)[number]

interface OpenApiOperation {
  parameters?: Parameter[]
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> }
}

const routeTable = JSON.parse(readFileSync(join(import.meta.dir, '../../platform/gateway/routes.json'), 'utf8')) as {
  routes: { prefix: string; service: string }[]
}

/** Public routes go through the front door (what a client meets, nginx included); the rest straight to the service. */
function baseUrlOf(service: Service, path: string): string {
  const routed = routeTable.routes.some(
    (route) => route.service === service && (path === route.prefix || path.startsWith(`${route.prefix}/`)),
  )
  return routed ? e2eConfig.urls.gateway : e2eConfig.urls[service]
}

/** Every operation a service's own OpenAPI document (`/openapi/json`) lists. */
export async function operationsOf(service: Service): Promise<Operation[]> {
  const response = await fetch(`${e2eConfig.urls[service]}/openapi/json`)
  if (!response.ok) throw new Error(`${service} /openapi/json: ${response.status}`)
  const document = (await response.json()) as { paths: Record<string, Record<string, OpenApiOperation>> }
  return Object.entries(document.paths).flatMap(([rawPath, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const path = rawPath.length > 1 ? rawPath.replace(/\/$/, '') : rawPath
      return {
        service,
        method: method.toUpperCase(),
        path,
        baseUrl: baseUrlOf(service, path),
        params: operation.parameters ?? [],
        body: operation.requestBody?.content?.['application/json']?.schema,
      }
    }),
  )
}

export const describeOperation = (op: Operation) => `${op.service} ${op.method} ${op.path}`
