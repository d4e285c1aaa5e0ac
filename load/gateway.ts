import { loadSuiteConfig } from './config'

/** Calls through the gateway the load suite's own set-up and checks make (fixtures, the after-run saga check). */
const target = loadSuiteConfig.LOAD_TARGET

export interface Call {
  method?: string
  body?: unknown
  token?: string
}

/** The raw reply: status and parsed body (undefined when it is not JSON). */
export async function call(path: string, request: Call = {}): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }
  if (request.token) headers['authorization'] = `Bearer ${request.token}`
  const body = request.body === undefined ? undefined : JSON.stringify(request.body)
  const response = await fetch(`${target}${path}`, { method: request.method ?? 'GET', headers, body })
  const text = await response.text()
  try {
    return { status: response.status, body: JSON.parse(text) }
  } catch {
    return { status: response.status, body: text }
  }
}

/** The envelope's data of a reply that must have status `expect`. */
// biome-ignore lint/suspicious/noExplicitAny: the envelope's data is whatever the endpoint answers
export async function data<T = any>(path: string, request: Call & { expect: number }): Promise<T> {
  const reply = await call(path, request)
  if (reply.status !== request.expect) {
    const what = `${request.method ?? 'GET'} ${path}`
    throw new Error(`${what}: expected ${request.expect}, got ${reply.status} ${JSON.stringify(reply.body)}`)
  }
  return (reply.body as { data: T }).data
}

export const login = async (email: string, password: string) =>
  (await data<{ accessToken: string }>('/api/auth/login', { method: 'POST', body: { email, password }, expect: 200 }))
    .accessToken
