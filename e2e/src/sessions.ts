import { buyerPassword, registerBuyer } from './actors'
import { type Actor, dataOf, type Reply } from './client'
import { throughGateway } from './front-door'

/** A login's token pair (`POST /api/auth/login`). */
export interface Session {
  accessToken: string
  refreshToken: string
}

/** `POST /api/auth/login` through the gateway: the raw reply (a probe may expect 401 or 429). */
export const loginThroughGateway = (credentials: { email: string; password: string }, from?: string) =>
  throughGateway('/api/auth/login', { method: 'POST', body: credentials, ...(from ? { from } : {}) })

/** `POST /api/auth/refresh` through the gateway. */
export const refreshThroughGateway = (refreshToken: string): Promise<Reply> =>
  throughGateway('/api/auth/refresh', { method: 'POST', body: { refreshToken } })

/** A fresh buyer and a session of its own, logged in through the gateway. */
export async function buyerWithSession(): Promise<{ buyer: Actor; session: Session }> {
  const buyer = await registerBuyer()
  const reply = await loginThroughGateway({ email: buyer.email, password: buyerPassword })
  return { buyer, session: dataOf<Session>(reply, 200, `log ${buyer.email} in through the gateway`) }
}
