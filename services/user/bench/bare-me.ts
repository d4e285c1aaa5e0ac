// The baseline for bench/me.ts: a bare Bun.serve doing what GET /api/users/me must do and nothing else — verify the
// bearer token against auth's JWKS (jose, the same library and checks) and read the member by primary key (mysql2,
// no ORM) — answering the same envelope. Prints "listening <port>".
import { createRemoteJWKSet, jwtVerify } from 'jose'
import { createPool } from 'mysql2/promise'

const env = process.env
const keys = createRemoteJWKSet(new URL(env['AUTH_JWKS_URL'] ?? ''))
const verifyOptions = {
  algorithms: ['EdDSA'],
  issuer: env['AUTH_JWT_ISSUER'] ?? '',
  audience: env['AUTH_JWT_AUDIENCE'] ?? '',
}
const pool = createPool({ uri: env['MARIADB_URL'] ?? '', connectionLimit: 10 })
const query =
  "SELECT id, email, name, phone, role, status, created_at AS createdAt FROM members WHERE id = ? AND status = 'ACTIVE'"

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const server = Bun.serve({
  port: 0,
  async fetch(request) {
    const token = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1]
    if (!token) return json(401, { success: false })
    const { payload } = await jwtVerify(token, keys, verifyOptions).catch(() => ({ payload: null }))
    if (payload?.['type'] !== 'access') return json(401, { success: false })
    const [rows] = await pool.execute(query, [Number(payload.sub)])
    const member = (rows as Record<string, unknown>[])[0]
    if (!member) return json(404, { success: false })
    const data = { ...member, createdAt: (member['createdAt'] as Date).toISOString() }
    return json(200, { success: true, data, timestamp: new Date().toISOString() })
  },
})
console.log(`listening ${server.port}`)
