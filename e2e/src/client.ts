import { call, eventually, type Reply } from '@commerce/platform/testing'
import { e2eConfig } from './config'

export { call, type Reply }

/** A user the tests act as: the token every call carries, and the id the services know them by. */
export interface Actor {
  userId: number
  email: string
  token: string
}

/** The `data` of a reply whose status is `expected`; anything else fails with the request and the whole reply. */
// biome-ignore lint/suspicious/noExplicitAny: the envelope's data is whatever the endpoint answers
export function dataOf<T = any>(reply: Reply, expected: number, what: string): T {
  if (reply.status !== expected) {
    throw new Error(`${what}: expected ${expected}, got ${reply.status} ${JSON.stringify(reply.body)}`)
  }
  return reply.body?.data as T
}

/** The error code of an error reply (`undefined` for a success). */
export const codeOf = (reply: Reply): string | undefined => reply.body?.error?.code

/** Status and error code, the pair an assertion on a refusal compares. */
export const refusal = (reply: Reply) => [reply.status, codeOf(reply)] as const

/** How often saga waits poll; a test driving hundreds of orders at once slows it down so polling does not drown the services. */
export const polling = { intervalMs: 100 }

/** Waits for a saga step with the run's patience (`E2E_WAIT_MS` unless `timeoutMs`), polling at `polling.intervalMs`. */
export const waitFor = <T>(probe: () => T | Promise<T>, what: string, timeoutMs = e2eConfig.E2E_WAIT_MS) =>
  eventually(probe, { what, timeoutMs, intervalMs: polling.intervalMs })
