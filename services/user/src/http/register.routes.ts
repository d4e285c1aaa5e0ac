import { CommonErrors, Envelope, httpKit, ok, requestFingerprint } from '@commerce/platform/http'
import { Elysia } from 'elysia'
import type { RegistrationDeps } from '../use-cases/register-member'
import { registerMember } from '../use-cases/register-member'
import type { RegistrationKey } from '../use-cases/registration-rows'
import { RegisterBody, RegisteredView } from './schemas'

const keyPattern = /^[\x21-\x7e]{1,255}$/

/**
 * The request's Idempotency-Key. Registration spans two transactions and a call to auth, so it keeps the key itself
 * (claimed with the PENDING member, answered with the ACTIVE one) instead of the one-transaction `idempotent` macro.
 */
function registrationKey(request: Request, body: unknown): RegistrationKey | undefined {
  const key = request.headers.get('idempotency-key')
  if (key === null) return undefined
  if (!keyPattern.test(key)) {
    throw CommonErrors.validation([
      { field: 'Idempotency-Key', value: key, reason: 'Expected 1-255 visible ASCII characters' },
    ])
  }
  const url = new URL(request.url)
  const target = url.pathname + url.search
  return {
    ref: { scope: 'anon', key },
    fingerprint: requestFingerprint({ method: 'POST', target, userId: null, body }),
  }
}

/** `POST /api/users/register` (public, Idempotency-Key): a member and its credential at auth, or neither. */
export const registerRoutes = (deps: RegistrationDeps) =>
  new Elysia({ prefix: '/api/users', detail: { tags: ['members'] } }).use(httpKit).post(
    '/register',
    async ({ body, request, meta, status }) => {
      const { email, password, name, phone } = body
      const key = registrationKey(request, body)
      const result = await registerMember(deps, { email, password, name, phone, role: 'USER', key }, meta)
      if ('replay' in result) {
        const { status: code, contentType, body: text } = result.replay
        return new Response(text, {
          status: code,
          headers: { 'content-type': contentType, 'idempotent-replayed': 'true' },
        })
      }
      return status(201, ok(result.member))
    },
    { body: RegisterBody, response: { 201: Envelope(RegisteredView) } },
  )
