import type { AnyElysia } from 'elysia'

interface RoutePattern {
  method: string
  pattern: RegExp
}

function toPattern(template: string): RegExp {
  const source = template
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      if (segment === '*') return '(?:/.*)?'
      if (segment.startsWith(':')) return segment.endsWith('?') ? '(?:/[^/]+)?' : '/[^/]+'
      return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`
    })
    .join('')
  return new RegExp(`^${source}/?$`)
}

/**
 * Methods the app serves for `path`, so an unmatched request on a known path answers 405 rather than 404.
 * Reads the router's route list lazily: routes added after this call are seen too.
 */
export function allowedMethodsOf(app: AnyElysia): (path: string) => string[] {
  let cache: { size: number; routes: RoutePattern[] } = { size: -1, routes: [] }
  return (path) => {
    const history = app.router.history
    if (cache.size !== history.length) {
      const routes = history
        .filter((r) => r.method !== 'WS' && r.method !== 'ALL')
        .map((r) => ({ method: r.method, pattern: toPattern(r.path) }))
      cache = { size: history.length, routes }
    }
    const methods = cache.routes.filter((r) => r.pattern.test(path)).map((r) => r.method)
    return [...new Set(methods)]
  }
}
