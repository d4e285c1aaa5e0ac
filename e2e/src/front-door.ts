import { request as httpRequest } from 'node:http'
import type { Reply } from './client'
import { e2eConfig } from './config'

const gateway = new URL(e2eConfig.urls.gateway)

/** What a probe sends through the gateway. */
export interface FrontDoorRequest {
  method?: string
  body?: unknown
  /** Sent as it is instead of `body` (malformed JSON, an empty body). */
  raw?: string
  token?: string | undefined
  key?: string
  headers?: Record<string, string>
  /** The client address the gateway sees (a loopback address: 127.0.0.0/8 all reaches the local gateway). */
  from?: string
}

/**
 * One request to the gateway (the API's front door), the path sent byte for byte: unlike `fetch`, node:http does not
 * resolve `..` or decode anything, so dot-segment and encoded probes reach nginx as written. `from` binds the socket to
 * that loopback address, so the gateway (and auth's per-address throttle behind it) sees a client of its own.
 */
export function throughGateway(path: string, request: FrontDoorRequest = {}): Promise<Reply> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...request.headers }
  if (request.token) headers['authorization'] = `Bearer ${request.token}`
  if (request.key) headers['idempotency-key'] = request.key
  const body = request.raw ?? (request.body === undefined ? undefined : JSON.stringify(request.body))
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: gateway.hostname,
        port: gateway.port,
        path,
        method: request.method ?? 'GET',
        headers,
        ...(request.from ? { localAddress: request.from } : {}),
      },
      (incoming) => {
        let text = ''
        incoming.setEncoding('utf8')
        incoming.on('data', (chunk: string) => {
          text += chunk
        })
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: parsed(text) }))
      },
    )
    outgoing.on('error', reject)
    outgoing.end(body)
  })
}

// An answer that is not JSON (an nginx default page) is kept as text, so a probe's failure message shows it.
function parsed(text: string): unknown {
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** A loopback address no other test uses (127.x.y.z, x ≥ 2): a client of its own for the per-address throttle. */
export function freshClientAddress(): string {
  const [x = 0, y = 0, z = 0] = crypto.getRandomValues(new Uint8Array(3))
  return `127.${2 + (x % 250)}.${y}.${1 + (z % 254)}`
}
