import { afterAll, beforeAll } from 'bun:test'
import { call, freshName, startTestService } from '@commerce/platform/testing'
import { eq } from 'drizzle-orm'
import { userService } from '../../src/app'
import { loadUserConfig } from '../../src/config'
import { members } from '../../src/db/schema'
import { type SpawnedService, spawnAuth, userEnv } from './processes'

/** The user service in-process against the test stack, its internal calls to `authUrl` (auth or a fault proxy). */
export function startUser(at: { authUrl: string; jwksFrom?: string }, overrides: Record<string, string> = {}) {
  return startTestService(userService(loadUserConfig(userEnv(at, overrides))))
}

export type UserService = Awaited<ReturnType<typeof startUser>>

/**
 * For one test file: auth as its own process and user in-process against it, started before the file's tests and
 * stopped after them. Read `services.user` / `services.auth` inside tests (they are set by then).
 */
export function userAndAuth() {
  const services = {} as { auth: SpawnedService; user: UserService }
  beforeAll(async () => {
    services.auth = await spawnAuth()
    services.user = await startUser({ authUrl: services.auth.url })
  })
  afterAll(async () => {
    await services.user.stop()
    await services.auth[Symbol.asyncDispose]()
  })
  return services
}

export { call, type Reply } from '@commerce/platform/testing'

/** A fresh registration body (fresh email per test). */
export const newMember = (prefix = 'member') => ({
  email: `${freshName(prefix)}@example.com`.toLowerCase(),
  password: 'correct horse battery',
  name: 'Kim Minsu',
})

/** Registers and logs in: the member's id and access token. */
export async function registeredMember(at: { user: string; auth: string }, body = newMember()) {
  const registered = await call(`${at.user}/api/users/register`, { method: 'POST', body })
  if (registered.status !== 201)
    throw new Error(`register answered ${registered.status}: ${JSON.stringify(registered.body)}`)
  return { id: registered.body.data.id as number, email: body.email, token: await login(at.auth, body) }
}

/** Logs in at auth; the access token. */
export async function login(authUrl: string, credentials: { email: string; password: string }): Promise<string> {
  const answer = await call(`${authUrl}/api/auth/login`, { method: 'POST', body: credentials })
  if (answer.status !== 200) throw new Error(`login answered ${answer.status}: ${JSON.stringify(answer.body)}`)
  return answer.body.data.accessToken as string
}

/** The member rows of an email (0 or 1, by the unique index). */
export const membersOf = (service: UserService, email: string) =>
  service.deps.db.select().from(members).where(eq(members.email, email))

/** Whether auth holds a credential for the member id (its internal API, never through a proxy). */
export async function hasCredential(authUrl: string, userId: number): Promise<boolean> {
  const answer = await call(`${authUrl}/internal/credentials/${userId}`)
  if (answer.status !== 200 && answer.status !== 404) throw new Error(`credential read answered ${answer.status}`)
  return answer.status === 200
}

/** The invariant after any failure: member exists ⇔ credential exists, and nothing is left PENDING. */
export async function registrationState(at: { service: UserService; authUrl: string }, email: string) {
  const [member] = await membersOf(at.service, email)
  return {
    member: member ? member.status : 'none',
    credential: member ? await hasCredential(at.authUrl, member.id) : 'not checked',
  }
}
