import { BlockList, isIP } from 'node:net'

/** The part of Bun's server that knows a request's peer address. */
export interface PeerAware {
  requestIP(request: Request): { address: string } | null
}

/** Whether to read the client address from X-Forwarded-For, and from which peers (the gateway's addresses). */
export interface ProxyTrust {
  enabled: boolean
  /** Whether a peer's X-Forwarded-For is believed (AUTH_TRUSTED_PROXIES; loopback by default: the local gateway). */
  isTrusted: (peer: string) => boolean
}

/** `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) is `127.0.0.1`. */
const plainAddress = (address: string) => (address.startsWith('::ffff:') ? address.slice(7) : address)

const family = (address: string) => (isIP(address) === 4 ? 'ipv4' : 'ipv6')

/**
 * The peers AUTH_TRUSTED_PROXIES names: comma-separated addresses and CIDR ranges (`127.0.0.1,::1`, or
 * `10.42.0.0/16` where the proxy is an ingress controller whose pod address changes). A malformed entry throws, so a
 * typo stops the service at start instead of silently trusting nobody.
 */
export function trustedProxies(list: string): (peer: string) => boolean {
  const blocks = new BlockList()
  for (const entry of list.split(',').map((e) => e.trim())) {
    if (entry === '') continue
    const [address = '', prefix, ...rest] = entry.split('/')
    const version = isIP(address)
    const bits = prefix === undefined ? undefined : Number(prefix)
    const maxBits = version === 4 ? 32 : 128
    const badPrefix = bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits && prefix !== '')
    if (version === 0 || rest.length > 0 || badPrefix)
      throw new Error(`AUTH_TRUSTED_PROXIES: '${entry}' is not an address or CIDR range`)
    if (bits === undefined) blocks.addAddress(address, family(address))
    else blocks.addSubnet(address, bits, family(address))
  }
  return (peer) => isIP(peer) !== 0 && blocks.check(peer, family(peer))
}

/**
 * The client's address: the socket's peer, or — when trust is on and the peer is a trusted proxy — the last entry of
 * X-Forwarded-For (the one that proxy wrote; earlier entries are whatever the client claimed). Any other peer's
 * header is ignored, so a client that reaches auth directly cannot pick an address and dodge the per-address throttle.
 */
export function clientAddress(request: Request, server: PeerAware | null, trust: ProxyTrust): string {
  const raw = server?.requestIP(request)?.address
  const peer = raw === undefined ? undefined : plainAddress(raw)
  if (trust.enabled && peer !== undefined && trust.isTrusted(peer)) {
    const last = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim()
    if (last) return last.slice(0, 45)
  }
  return peer?.slice(0, 45) ?? 'unknown'
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
