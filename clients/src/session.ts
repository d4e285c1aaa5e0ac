import { ApiError, errorBodyOf } from './errors'

/** The tokens a login or a refresh answers with. */
export interface Tokens {
  accessToken: string
  refreshToken: string
  /** Seconds the access token lives. */
  expiresIn: number
}

/** Where a session keeps its tokens: memory by default; give one backed by storage to survive a reload. */
export interface TokenStore {
  get(): Tokens | undefined
  set(tokens: Tokens | undefined): void
}

/** Tokens held in memory only. */
export const memoryTokenStore = (): TokenStore => {
  let tokens: Tokens | undefined
  return {
    get: () => tokens,
    set: (next) => {
      tokens = next
    },
  }
}

/** The code of an expired access token: the one 401 the client refreshes on (once). */
export const EXPIRED_TOKEN = 'COMMON-401-002'

interface SessionOptions {
  baseUrl: string
  fetch: typeof fetch
  store?: TokenStore
}

const jsonHeaders = { 'content-type': 'application/json', accept: 'application/json' }

/**
 * A member's login: keeps the token pair, and refreshes it when the access token has expired. Concurrent callers
 * that all meet an expired token share one refresh (the refresh token rotates: a second refresh with the old one
 * would be a replay and revoke the family).
 */
export class Session {
  readonly #baseUrl: string
  readonly #fetch: typeof fetch
  readonly #store: TokenStore
  #refreshing: Promise<boolean> | undefined

  constructor(options: SessionOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '')
    this.#fetch = options.fetch
    this.#store = options.store ?? memoryTokenStore()
  }

  /** The current tokens, if logged in. */
  get tokens(): Tokens | undefined {
    return this.#store.get()
  }

  /** Whether a token pair is held. */
  get loggedIn(): boolean {
    return this.#store.get() !== undefined
  }

  /** Takes a token pair obtained elsewhere (a test's token, a restored session). */
  use(tokens: Tokens | undefined): void {
    this.#store.set(tokens)
  }

  /** `POST /api/auth/login`; keeps the pair. A refusal (wrong password `AUTH-401-001`, throttled `AUTH-429-001`) throws `ApiError`. */
  async login(credentials: { email: string; password: string }): Promise<Tokens> {
    const tokens = await this.#post('/api/auth/login', credentials)
    this.#store.set(tokens)
    return tokens
  }

  /**
   * Rotates the pair with `POST /api/auth/refresh`. Answers whether it worked; a refused refresh (expired, revoked)
   * forgets the tokens, so the caller has to log in again.
   */
  refresh(): Promise<boolean> {
    this.#refreshing ??= this.#refreshOnce().finally(() => {
      this.#refreshing = undefined
    })
    return this.#refreshing
  }

  /** `POST /api/auth/logout` (revokes the refresh token's family) and forgets the tokens; never throws. */
  async logout(): Promise<void> {
    const tokens = this.#store.get()
    this.#store.set(undefined)
    if (!tokens) return
    await this.#fetch(`${this.#baseUrl}/api/auth/logout`, {
      method: 'POST',
      headers: jsonHeaders,
      body: JSON.stringify({ refreshToken: tokens.refreshToken }),
    }).catch(() => undefined)
  }

  async #refreshOnce(): Promise<boolean> {
    const tokens = this.#store.get()
    if (!tokens) return false
    try {
      this.#store.set(await this.#post('/api/auth/refresh', { refreshToken: tokens.refreshToken }))
      return true
    } catch (error) {
      if (error instanceof ApiError) {
        this.#store.set(undefined)
        return false
      }
      throw error
    }
  }

  async #post(path: string, body: unknown): Promise<Tokens> {
    const response = await this.#fetch(`${this.#baseUrl}${path}`, {
      method: 'POST',
      headers: jsonHeaders,
      body: JSON.stringify(body),
    })
    const parsed: unknown = await response.json().catch(() => undefined)
    if (!response.ok) throw new ApiError(response.status, errorBodyOf(parsed, response.status))
    const data = (parsed as { data?: Tokens } | undefined)?.data
    if (!data?.accessToken) throw new ApiError(response.status, errorBodyOf(parsed, response.status))
    return { accessToken: data.accessToken, refreshToken: data.refreshToken, expiresIn: data.expiresIn }
  }
}
