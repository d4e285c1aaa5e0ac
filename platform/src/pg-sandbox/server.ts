import { cancelFault, faultControl } from './faults'
import { openRecords, type Records } from './records'
import { type Answer, cancel, confirm, parseCancel, parseConfirm, tossError } from './toss'

export interface PgSandboxOptions {
  port: number
  /** The address to listen on (loopback unless given). */
  hostname?: string
  /** The merchant's secret key: requests carry `Authorization: Basic base64(secretKey + ':')`, as with Toss. */
  secretKey: string
  /** How long a `slow_` confirm holds its answer after charging: longer than the payment service's PG timeout. */
  slowMs: number
  /** SQLite file of the sandbox's record (`:memory:` for a throwaway one). */
  recordsPath: string
}

const notFound = tossError(404, 'NOT_FOUND', 'No such resource')
const json = (answer: Answer) => Response.json(answer.body, { status: answer.status })

async function bodyOf(request: Request): Promise<unknown> {
  try {
    return await request.json()
  } catch {
    return undefined
  }
}

/**
 * The Idempotency-Key rule Toss applies: the first answer to a key is stored and every retry with the same key and
 * body gets it back (a retry never charges twice); the same key with another body is refused. 5xx answers are not
 * stored: nothing happened, and the next try runs again (and, for `error_`, fails again).
 */
function idempotently(
  records: Records,
  at: { scope: string; key: string | null; fingerprint: string },
  run: () => Answer,
): Answer & { replayed: boolean } {
  if (!at.key) return { ...run(), replayed: false }
  const key = at.key
  return records.atomically(() => {
    const stored = records.answer(at.scope, key)
    if (stored) {
      if (stored.fingerprint !== at.fingerprint) {
        const refused = tossError(
          422,
          'INVALID_IDEMPOTENCY_KEY',
          'Idempotency-Key was already used with another request',
        )
        return { ...refused, replayed: true }
      }
      return { status: stored.status, body: JSON.parse(stored.body), replayed: true }
    }
    const answer = run()
    if (answer.status < 500) {
      records.remember(at.scope, key, {
        fingerprint: at.fingerprint,
        status: answer.status,
        body: JSON.stringify(answer.body),
      })
    }
    return { ...answer, replayed: false }
  })
}

const isAuthorized = (request: Request, secretKey: string) =>
  request.headers.get('authorization') === `Basic ${btoa(`${secretKey}:`)}`

/**
 * A payment-gateway emulator with the Toss Payments v1 shapes (SPEC §1): confirm, cancel, the two inquiry reads, Basic
 * auth with the secret key, Idempotency-Key, `{code, message}` errors. Outcome by paymentKey prefix (SPEC §4):
 * `fail_` declines, `error_` answers 500 without charging (every time), `slow_` charges and answers after `slowMs`,
 * anything else approves. A cancel fault is switched per paymentKey through `/sandbox/faults/…` (faults.ts).
 * Pointing the payment service at the real Toss sandbox needs only its URL and key.
 */
export function startPgSandbox(options: PgSandboxOptions) {
  const records = openRecords(options.recordsPath)
  const routes = async (request: Request, url: URL): Promise<Response> => {
    const path = url.pathname
    if (path === '/health/live' || path === '/health/ready') return Response.json({ status: 'UP' })
    if (!path.startsWith('/v1/payments') && !path.startsWith('/sandbox/')) {
      return json(tossError(404, 'NOT_FOUND', 'No such resource'))
    }
    if (!isAuthorized(request, options.secretKey)) {
      return json(tossError(401, 'UNAUTHORIZED_KEY', '인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.'))
    }
    if (path.startsWith('/sandbox/')) return json(faultControl(records, request, path) ?? notFound)
    const key = request.headers.get('idempotency-key')
    if (request.method === 'POST' && path === '/v1/payments/confirm') {
      const parsed = parseConfirm(await bodyOf(request))
      if ('status' in parsed) return json(parsed)
      if (parsed.paymentKey.startsWith('error_')) {
        return json(tossError(500, 'FAILED_INTERNAL_SYSTEM_PROCESSING', '내부 시스템 처리 작업이 실패했습니다.'))
      }
      const fingerprint = JSON.stringify([parsed.paymentKey, parsed.orderId, parsed.amount])
      const answer = idempotently(records, { scope: 'confirm', key, fingerprint }, () =>
        confirm(records, parsed, new Date()),
      )
      // The charge is on record already; only the first answer is late (the caller's timeout fires first). A retry
      // with the same key gets the stored answer at once, as from Toss.
      if (parsed.paymentKey.startsWith('slow_') && !answer.replayed) await Bun.sleep(options.slowMs)
      return json(answer)
    }
    const cancelMatch = /^\/v1\/payments\/([^/]+)\/cancel$/.exec(path)
    if (request.method === 'POST' && cancelMatch?.[1]) {
      const paymentKey = decodeURIComponent(cancelMatch[1])
      const parsed = parseCancel(await bodyOf(request))
      if ('status' in parsed) return json(parsed)
      if (records.hasFault(paymentKey, 'cancel')) return json(cancelFault())
      const fingerprint = JSON.stringify([paymentKey, parsed.cancelReason, parsed.cancelAmount ?? null])
      return json(
        idempotently(records, { scope: 'cancel', key, fingerprint }, () =>
          cancel(records, { paymentKey, request: parsed, now: new Date() }),
        ),
      )
    }
    if (request.method === 'GET') {
      const byOrder = /^\/v1\/payments\/orders\/([^/]+)$/.exec(path)
      const byKey = /^\/v1\/payments\/([^/]+)$/.exec(path)
      const payment = byOrder?.[1]
        ? records.byOrderId(decodeURIComponent(byOrder[1]))
        : byKey?.[1]
          ? records.byPaymentKey(decodeURIComponent(byKey[1]))
          : undefined
      if (payment) return Response.json(payment)
      return json(tossError(404, 'NOT_FOUND_PAYMENT', '존재하지 않는 결제 정보 입니다.'))
    }
    return json(tossError(405, 'METHOD_NOT_ALLOWED', 'Method not allowed'))
  }
  const server = Bun.serve({
    hostname: options.hostname ?? '127.0.0.1',
    port: options.port,
    fetch: (request) => routes(request, new URL(request.url)),
    error: () => json(tossError(500, 'FAILED_INTERNAL_SYSTEM_PROCESSING', 'sandbox error')),
  })
  return {
    url: `http://127.0.0.1:${server.port}`,
    records,
    stop: async () => {
      await server.stop(true)
      records.close()
    },
  }
}

export type PgSandbox = ReturnType<typeof startPgSandbox>
