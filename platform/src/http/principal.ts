/** The authenticated caller, from a verified access token. */
export interface Principal {
  userId: number
  email: string
  roles: string[]
}

const byRequest = new WeakMap<Request, Principal>()

/** Remembers who sent `request`, for plugins that scope by user (Idempotency-Key). */
export function rememberPrincipal(request: Request, principal: Principal): void {
  byRequest.set(request, principal)
}

/** The verified caller of `request`, or null when anonymous or not verified. */
export function principalOf(request: Request): Principal | null {
  return byRequest.get(request) ?? null
}
