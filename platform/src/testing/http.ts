import { freshId, freshName } from './ids'

/** An answer: status and parsed body (a network failure is status 0, refused at connect or cut off). */
export interface Reply {
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the envelope holds
  body: any
}

/** One HTTP call with an optional bearer token, Idempotency-Key and extra headers; `raw` strings are sent as they are. */
export async function call(
  url: string,
  request: {
    method?: string
    body?: unknown
    token?: string | undefined
    key?: string
    raw?: string
    headers?: Record<string, string>
  } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...request.headers }
  if (request.token) headers['authorization'] = `Bearer ${request.token}`
  if (request.key) headers['idempotency-key'] = request.key
  const body = request.raw ?? (request.body === undefined ? undefined : JSON.stringify(request.body))
  try {
    const response = await fetch(url, { method: request.method ?? 'GET', headers, ...(body ? { body } : {}) })
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : undefined }
  } catch {
    return { status: 0, body: undefined }
  }
}

/** A credential with `roles` made through auth's internal API, then a real login: a token services verify by JWKS. */
export async function tokenFor(authUrl: string, roles: string[]): Promise<string> {
  const credential = {
    userId: freshId(),
    email: `${freshName('member')}@example.com`.toLowerCase(),
    password: 'pw-12345678',
  }
  const created = await call(`${authUrl}/internal/credentials`, { method: 'POST', body: { ...credential, roles } })
  if (created.status !== 201 && created.status !== 200) throw new Error(`credential: ${created.status}`)
  const login = await call(`${authUrl}/api/auth/login`, { method: 'POST', body: credential })
  if (login.status !== 200) throw new Error(`login: ${login.status} ${JSON.stringify(login.body)}`)
  return login.body.data.accessToken as string
}
