import { freshId, freshName, spawnEnv } from '@commerce/platform/testing'
import { loadAuthConfig } from '../../src/config'

/** Auth's env against the test stack; X-Forwarded-For is trusted so each test picks its own client address. */
export function authConfig(overrides: Record<string, string> = {}) {
  return loadAuthConfig({
    ...spawnEnv('auth'),
    AUTH_TRUST_PROXY: 'true',
    ...overrides,
  })
}

/** The envelope as tests read it. */
export interface Body {
  success?: boolean
  data?: unknown
  error?: { code: string; message: string; fieldErrors?: { field: string; value: unknown; reason: string }[] }
  timestamp?: string
}

/** A JSON answer: status, headers and parsed body. */
export interface Answer<T = Body> {
  status: number
  headers: Headers
  body: T
}

/** Sends a JSON request (a string body is sent as is, for malformed-JSON cases). */
export async function call<T = Body>(
  url: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const body =
    init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body)
  const response = await fetch(url, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body,
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as T }
}

/** A fresh client address (X-Forwarded-For), so per-address throttling never spills between tests. */
export const freshAddress = () => {
  const n = freshId()
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`
}

/** A fresh member: user id, email, password. */
export const freshMember = () => ({
  userId: freshId(),
  email: `${freshName('member')}@example.com`,
  password: 'correct-horse-battery',
})

type Member = ReturnType<typeof freshMember>

/** Creates the member's credential through the internal API. */
export const createCredential = (url: string, member: Member, roles: string[] = ['USER']) =>
  call(`${url}/internal/credentials`, { body: { ...member, roles } })

/** Logs in from `address`. */
export const login = (url: string, input: { email: string; password: string }, address = freshAddress()) =>
  call<{ data: { accessToken: string; refreshToken: string; expiresIn: number } } & Body>(`${url}/api/auth/login`, {
    body: input,
    headers: { 'x-forwarded-for': address, 'user-agent': 'auth-tests' },
  })

/** Refreshes with the token in the body. */
export const refresh = (url: string, refreshToken: string) =>
  call<{ data: { accessToken: string; refreshToken: string } } & Body>(`${url}/api/auth/refresh`, {
    body: { refreshToken },
  })

/** The value of a counter in the service's /metrics (0 when absent). */
export async function metricValue(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text()
  const line = text.split('\n').find((l) => l.startsWith(`${name} `))
  return line ? Number(line.split(' ')[1]) : 0
}
