import type { AnyElysia, TSchema } from 'elysia'

/** The request schemas a route declared (after Elysia's coercion rewrite), to trace a failing value to its field. */
export interface RouteSchemas {
  params?: TSchema
  query?: TSchema
  body?: TSchema
}

/** What the error mapping asks the router: methods served at a path (405), and a route's request schemas. */
export interface RouteInspector {
  allowedMethods(path: string): string[]
  schemasOf(method: string, route: string): RouteSchemas | undefined
}

const skipped = new Set(['WS', 'ALL'])

const loosePath = (path: string) => (path.endsWith('/') ? path.slice(0, -1) : `${path}/`)

/**
 * Asks `app`'s own router, as its handler would: static routes by exact (or loose) path, dynamic ones with the
 * router's `find` under each method it knows. Nothing is compiled here, and routes added later are seen.
 */
export function inspectRoutes(app: AnyElysia): RouteInspector {
  let schemas = new Map<string, RouteSchemas>()
  let indexedRoutes = -1
  return {
    allowedMethods(path) {
      const methods = new Set<string>()
      const statics =
        app.router.static[path] ?? (app.config.strictPath ? undefined : app.router.static[loosePath(path)])
      for (const method of Object.keys(statics ?? {})) if (!skipped.has(method)) methods.add(method)
      const router = app.config.aot === false ? app.router.dynamic : app.router.http
      for (const method of Object.keys(router.root)) {
        if (!skipped.has(method) && router.find(method, path)) methods.add(method)
      }
      return [...methods]
    },
    schemasOf(method, route) {
      const history = app.router.history
      if (indexedRoutes !== history.length) {
        schemas = new Map(history.map((r) => [`${r.method} ${r.path}`, r.hooks as RouteSchemas]))
        indexedRoutes = history.length
      }
      return schemas.get(`${method} ${route}`)
    },
  }
}
