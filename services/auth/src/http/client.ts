/** The part of Bun's server that knows a request's peer address. */
export interface PeerAware {
  requestIP(request: Request): { address: string } | null
}

/**
 * The client's address: the socket's peer, or X-Forwarded-For's first entry when `trustProxy` (only behind a proxy
 * that overwrites the header; otherwise any client could pick an address and dodge the per-address throttle).
 */
export function clientAddress(request: Request, server: PeerAware | null, trustProxy: boolean): string {
  if (trustProxy) {
    const first = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim()
    if (first) return first.slice(0, 45)
  }
  return server?.requestIP(request)?.address.slice(0, 45) ?? 'unknown'
}

const cookieName = 'refreshToken'

/** The refresh cookie: scoped to /api/auth, never readable by scripts, never sent cross-site. */
export function refreshCookie(token: string, maxAgeS: number): string {
  return `${cookieName}=${token}; Path=/api/auth; HttpOnly; Secure; SameSite=Strict; Max-Age=${maxAgeS}`
}

/** The refresh token from the request's cookie header, if any. */
export function refreshTokenFromCookie(request: Request): string | undefined {
  const header = request.headers.get('cookie')
  if (!header) return undefined
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === cookieName) return value.join('=') || undefined
  }
  return undefined
}
