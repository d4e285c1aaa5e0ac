import { acceptRequestId, acceptTraceparent } from './trace-context'

/** What a use case needs to stamp its events; structurally the `EventMeta` of @commerce/contracts. */
export interface RequestMeta {
  now: Date
  correlationId: string
  causationId: string
  traceparent?: string
}

/** Ids fixed when a request arrives, before routing, so 404s and parse errors carry them too. */
export interface RequestIds {
  requestId: string
  traceparent: string
  startedAt: number
}

const byRequest = new WeakMap<Request, RequestIds>()

/** Accepts or creates the request's ids and remembers them for the rest of its lifecycle. */
export function openRequest(request: Request): RequestIds {
  const ids: RequestIds = {
    requestId: acceptRequestId(request.headers.get('x-request-id')),
    traceparent: acceptTraceparent(request.headers.get('traceparent')),
    startedAt: performance.now(),
  }
  byRequest.set(request, ids)
  return ids
}

/** The ids opened for `request` (opened now if the request skipped `onRequest`). */
export function requestIds(request: Request): RequestIds {
  return byRequest.get(request) ?? openRequest(request)
}

/** Event meta for a request: the request id is both correlation and causation until a saga id exists. */
export function requestMeta(ids: RequestIds): RequestMeta {
  return { now: new Date(), correlationId: ids.requestId, causationId: ids.requestId, traceparent: ids.traceparent }
}
