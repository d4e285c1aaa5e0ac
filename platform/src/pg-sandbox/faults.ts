import { type FaultOperation, faultOperations, type Records } from './records'
import { type Answer, tossError } from './toss'

const isOperation = (value: string): value is FaultOperation => (faultOperations as readonly string[]).includes(value)

/**
 * The sandbox's own control routes (not Toss'): `PUT /sandbox/faults/{paymentKey}/{operation}` switches an injected
 * fault on, `DELETE` switches it off, `GET` reads it (`{paymentKey, operation, on}`). Per paymentKey, so parallel
 * tests never meet each other's faults; kept in the record, so a restart keeps them. Undefined for other paths.
 */
export function faultControl(records: Records, request: Request, path: string): Answer | undefined {
  const match = /^\/sandbox\/faults\/([^/]+)\/([^/]+)$/.exec(path)
  if (!match?.[1] || !match[2]) return undefined
  const [paymentKey, operation] = [decodeURIComponent(match[1]), match[2]]
  if (!isOperation(operation))
    return tossError(404, 'NOT_FOUND', `No fault for ${operation}; known: ${faultOperations}`)
  if (request.method === 'PUT' || request.method === 'DELETE') {
    records.setFault({ paymentKey, operation, on: request.method === 'PUT' })
  } else if (request.method !== 'GET') {
    return tossError(405, 'METHOD_NOT_ALLOWED', 'Method not allowed')
  }
  return { status: 200, body: { paymentKey, operation, on: records.hasFault(paymentKey, operation) } }
}

/**
 * A cancel of a paymentKey with the cancel fault on: Toss' 400 FAILED_REFUND_PROCESS (the bank's refund failed),
 * nothing cancelled. A 4xx, so the caller's circuit breaker does not count it (one broken payment must not stop the
 * PG for every other); answered before the Idempotency-Key is looked at and never stored under it, so once the fault
 * is off a retry with the same key cancels.
 */
export const cancelFault = (): Answer =>
  tossError(400, 'FAILED_REFUND_PROCESS', '은행 응답시간 지연이나 일시적인 오류로 환불요청에 실패했습니다.')
