import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { stackDefaults } from '../stack/defaults'

/** One row of routes.json: a path prefix and the service that owns it. */
export interface Route {
  prefix: string
  service: string
}

type Env = Record<string, string | undefined>

/** The route table (routes.json), checked: absolute prefixes, never /internal, one owner per prefix. */
export function readRoutes(file = join(import.meta.dir, 'routes.json')): Route[] {
  const table = JSON.parse(readFileSync(file, 'utf8')) as { routes?: Route[] }
  const routes = table.routes ?? []
  const seen = new Set<string>()
  for (const { prefix, service } of routes) {
    if (!/^\/[A-Za-z0-9._/-]*[A-Za-z0-9._-]$/.test(prefix)) throw new Error(`routes.json: bad prefix '${prefix}'`)
    if (prefix === '/internal' || prefix.startsWith('/internal/'))
      throw new Error('routes.json: /internal is never routed')
    if (!/^[a-z][a-z0-9-]*$/.test(service)) throw new Error(`routes.json: bad service '${service}'`)
    if (seen.has(prefix)) throw new Error(`routes.json: '${prefix}' listed twice`)
    seen.add(prefix)
  }
  return routes
}

/** A service's port: `<NAME>_PORT` from the environment, else defaults.env (the stack's rule). */
export function servicePort(service: string, env: Env): number {
  const key = `${service.toUpperCase().replaceAll('-', '_')}_PORT`
  const value = env[key] ?? (stackDefaults as Record<string, string | undefined>)[key]
  const port = Number(value)
  if (!Number.isInteger(port) || port <= 0) throw new Error(`no port for service '${service}' (${key})`)
  return port
}

/** Whether `path` (an OpenAPI path or a request path) falls under the route's prefix: itself or below it. */
export const underPrefix = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`)
