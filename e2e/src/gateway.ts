import routeTable from '../../platform/gateway/routes.json'
import { e2eConfig } from './config'

type Service = keyof typeof e2eConfig.urls

/** A gateway for a test: its base URL and how to let it go. */
export interface TestGateway {
  url: string
  stop(): Promise<void>
}

// Longest prefix first, so a more specific route wins.
const routes = [...routeTable.routes].sort((a, b) => b.prefix.length - a.prefix.length)

const hopByHop = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'content-length']

/**
 * The front door the client tests talk to: the real gateway when GATEWAY_URL is set (`npm run up` starts it), else a
 * tiny in-process stand-in built from the same route table (platform/gateway/routes.json) that forwards by path
 * prefix to the stack's services and refuses /internal/* and anything unrouted with 404.
 */
export function testGateway(): TestGateway {
  const real = e2eConfig.GATEWAY_URL
  if (real) return { url: real.replace(/\/+$/, ''), stop: async () => {} }
  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    async fetch(request) {
      const url = new URL(request.url)
      const route = url.pathname.startsWith('/internal/')
        ? undefined
        : routes.find((r) => url.pathname === r.prefix || url.pathname.startsWith(`${r.prefix}/`))
      if (!route)
        return Response.json({ success: false, error: { code: 'COMMON-404', message: 'Not routed' } }, { status: 404 })
      const target = `${e2eConfig.urls[route.service as Service]}${url.pathname}${url.search}`
      const headers = new Headers(request.headers)
      for (const h of hopByHop) headers.delete(h)
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer()
      const answer = await fetch(target, { method: request.method, headers, body, redirect: 'manual' })
      const out = new Headers(answer.headers)
      for (const h of ['content-encoding', ...hopByHop]) out.delete(h)
      return new Response(answer.body, { status: answer.status, headers: out })
    },
  })
  return { url: `http://127.0.0.1:${server.port}`, stop: () => server.stop(true) }
}
