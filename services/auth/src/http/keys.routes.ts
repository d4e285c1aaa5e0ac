import type { Db } from '@commerce/platform/db'
import { Envelope, jwtAuth, ok } from '@commerce/platform/http'
import { Elysia, t } from 'elysia'
import { errors, type JWTVerifyGetKey } from 'jose'
import type { KeyEncryptionKey } from '../use-cases/key-sealing'
import { type PublishWindow, publishedKey, publishedKeys, rotateSigner } from '../use-cases/signing-keys'

/**
 * What the key routes need: the database, the publish window, the issuer/audience to verify admins with, and the key
 * new signing keys are sealed under.
 */
export interface KeyRouteDeps {
  db: Db
  window: PublishWindow
  issuer: string
  audience: string
  kek?: KeyEncryptionKey
}

// Auth verifies its own tokens from its database's published keys, not over HTTP from itself.
function ownKeySet(deps: KeyRouteDeps): JWTVerifyGetKey {
  return async (header) => {
    const key = header.kid
      ? await publishedKey(deps.db, { kid: header.kid, window: deps.window }, new Date())
      : undefined
    if (!key) throw new errors.JWKSNoMatchingKey()
    return key
  }
}

const Jwk = t.Object({ kid: t.String(), alg: t.String(), use: t.String() }, { additionalProperties: true })
const Rotation = t.Object({ rotated: t.Boolean(), kid: t.String(), retiredKid: t.Nullable(t.String()) })

/** `GET /.well-known/jwks.json` (public keys, cached ~60 s by clients) and admin `POST /api/auth/keys/rotate`. */
export const keyRoutes = (deps: KeyRouteDeps) =>
  new Elysia({ detail: { tags: ['keys'] } })
    .get(
      '/.well-known/jwks.json',
      async ({ set }) => {
        set.headers['cache-control'] = 'public, max-age=60'
        return { keys: await publishedKeys(deps.db, deps.window, new Date()) }
      },
      { response: t.Object({ keys: t.Array(Jwk) }) },
    )
    .use(jwtAuth({ issuer: deps.issuer, audience: deps.audience, keySet: ownKeySet(deps) }))
    .post('/api/auth/keys/rotate', async () => ok(await rotateSigner(deps.db, { kek: deps.kek }, new Date())), {
      role: 'ADMIN',
      response: Envelope(Rotation),
      detail: { security: [{ bearer: [] }] },
    })
