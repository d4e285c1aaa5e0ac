import type { Server } from 'bun'
import { createLogger } from '../../src/log'
import { createServiceClient, type ServiceClientOptions } from '../../src/service-client'
import { freshName } from '../../src/testing'

/** What a test server saw: one entry per request, with the headers the client sent. */
export interface Hit {
  method: string
  path: string
  headers: Record<string, string>
}

type Handler = (request: Request, hitNumber: number) => Response | Promise<Response>

/** A real HTTP server on port 0 (or `port`) that records its hits; disposing closes it and any request it holds. */
export function startServer(handle: Handler, port = 0) {
  const hits: Hit[] = []
  const held = Promise.withResolvers<Response>()
  const server: Server<undefined> = Bun.serve({
    port,
    fetch: (request) => {
      const url = new URL(request.url)
      hits.push({ method: request.method, path: url.pathname, headers: Object.fromEntries(request.headers) })
      return handle(request, hits.length)
    },
  })
  const close = async () => {
    held.resolve(new Response(null, { status: 503 }))
    await server.stop(true)
  }
  return {
    url: `http://127.0.0.1:${server.port}`,
    port: server.port ?? 0,
    hits,
    held: held.promise,
    close,
    [Symbol.asyncDispose]: close,
  }
}

/** An answer in our envelope (SPEC §3). */
export const envelope = (data: unknown, status = 200) =>
  Response.json({ success: true, data, timestamp: new Date().toISOString() }, { status })

export const errorEnvelope = (status: number, code: string, message: string) =>
  Response.json({ success: false, error: { code, message }, timestamp: new Date().toISOString() }, { status })

/** A client with test-sized timeouts and its own metric label. */
export function clientFor(baseUrl: string, options: Partial<ServiceClientOptions> = {}) {
  return createServiceClient({
    name: freshName('svc'),
    baseUrl,
    timeoutMs: 300,
    deadlineMs: 5_000,
    retries: 2,
    logger: createLogger({ test: 'service-client' }, 'error'),
    ...options,
  })
}

/** The rejection of `promise`, for one `toEqual` on it. */
export async function failureOf(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  const error = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  )
  const { name, code, status, reason, message } = error as Record<string, unknown>
  return { name, code, status, ...(reason ? { reason } : {}), ...(name === 'RemoteError' ? { message } : {}) }
}
