import { freshName } from '@commerce/platform/testing'
import { type Actor, call, dataOf } from './client'
import { e2eConfig } from './config'

const { urls } = e2eConfig

async function login(email: string, password: string): Promise<string> {
  const reply = await call(`${urls.auth}/api/auth/login`, { method: 'POST', body: { email, password } })
  return dataOf<{ accessToken: string }>(reply, 200, `login ${email}`).accessToken
}

/** The user id a token was issued to (its `sub`). */
const subOf = (token: string): number =>
  Number(JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()).sub)

/** The password every buyer `registerBuyer` makes logs in with. */
export const buyerPassword = 'e2e-pass-1234'

/** A new buyer, registered through user (which creates the credential at auth) and logged in through auth. */
export async function registerBuyer(): Promise<Actor> {
  const email = `${freshName('buyer')}@e2e.example.com`.toLowerCase()
  const password = buyerPassword
  const body = { email, password, name: 'E2E Buyer' }
  const registered = await call(`${urls.user}/api/users/register`, { method: 'POST', body, key: crypto.randomUUID() })
  const member = dataOf<{ id: number }>(registered, 201, 'register a buyer')
  return { userId: member.id, email, token: await login(email, password) }
}

let admin: Promise<Actor> | undefined

/** The demo admin `npm run up` seeds (ADMIN_EMAIL / ADMIN_PASSWORD), logged in once per run. */
export function adminActor(): Promise<Actor> {
  admin ??= login(e2eConfig.ADMIN_EMAIL, e2eConfig.ADMIN_PASSWORD).then((token) => ({
    userId: subOf(token),
    email: e2eConfig.ADMIN_EMAIL,
    token,
  }))
  return admin
}
