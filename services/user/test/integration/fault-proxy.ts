/** What the proxy does with one request. */
export type FaultAction =
  | { kind: 'forward' }
  | { kind: 'answer'; status: number; body: unknown }
  | { kind: 'hang' }
  /** Keep the request: `forwarded` sends it on first and keeps the answer back; otherwise it waits for `release`. */
  | { kind: 'hold'; forwarded: boolean }

/** A request the proxy keeps; `release()` forwards it now (if it was not) and resolves with the target's answer. */
export interface HeldRequest {
  method: string
  path: string
  release(): Promise<{ status: number; body: unknown }>
}

type Rule = (request: { method: string; path: string }) => FaultAction

const forwardAll: Rule = () => ({ kind: 'forward' })

async function forward(target: string, request: { method: string; path: string; headers: Headers; body: string }) {
  const response = await fetch(target + request.path, {
    method: request.method,
    headers: request.headers,
    ...(request.body ? { body: request.body } : {}),
  })
  const text = await response.text()
  return { status: response.status, text }
}

const asResponse = (answer: { status: number; text: string }) =>
  new Response(answer.text, { status: answer.status, headers: { 'content-type': 'application/json' } })

/**
 * A real HTTP server in front of `target` (auth) that injects faults by rule: answer a status of our choosing, hang,
 * or hold a request (forwarded or not) until the test releases it. Not a mock: the service under test talks HTTP to it.
 */
export function faultProxy(target: string) {
  let rule: Rule = forwardAll
  const held: HeldRequest[] = []
  /** Every request seen, with its JSON body: tests learn the member id a create carried. */
  const seen: { method: string; path: string; body: unknown }[] = []
  const never = new Promise<Response>(() => {})
  const server = Bun.serve({
    port: 0,
    idleTimeout: 0,
    fetch: async (raw) => {
      const url = new URL(raw.url)
      const request = {
        method: raw.method,
        path: url.pathname + url.search,
        headers: raw.headers,
        body: await raw.text(),
      }
      seen.push({ method: request.method, path: request.path, body: request.body ? JSON.parse(request.body) : null })
      const action = rule(request)
      if (action.kind === 'forward') return asResponse(await forward(target, request))
      if (action.kind === 'answer') return Response.json(action.body, { status: action.status })
      if (action.kind === 'hang') return never
      const early = action.forwarded ? await forward(target, request) : undefined
      let answer: (response: Response) => void = () => {}
      const pending = new Promise<Response>((resolve) => {
        answer = resolve
      })
      held.push({
        method: request.method,
        path: request.path,
        release: async () => {
          const result = early ?? (await forward(target, request))
          answer(asResponse(result))
          return { status: result.status, body: JSON.parse(result.text) as unknown }
        },
      })
      return pending
    },
  })
  return {
    url: `http://127.0.0.1:${server.port}`,
    /** Sets the rule for the requests that arrive from now on. */
    onRequest: (next: Rule) => {
      rule = next
    },
    forwardAll: () => {
      rule = forwardAll
    },
    held,
    seen,
    /** The member ids auth was asked to create credentials for. */
    createdIds: () =>
      seen
        .filter((r) => r.method === 'POST' && r.path.startsWith('/internal/credentials'))
        .map((r) => (r.body as { userId: number }).userId),
    [Symbol.asyncDispose]: async () => void (await server.stop(true)),
  }
}

/** The rule "this action for POST /internal/credentials, forward the rest". */
export const onCreateCredential =
  (action: FaultAction): Rule =>
  ({ method, path }) =>
    method === 'POST' && path.startsWith('/internal/credentials') ? action : { kind: 'forward' }
