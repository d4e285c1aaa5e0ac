/** Status and body of the response about to be sent, success or error. */
export interface FinalResponse {
  status: number
  body: unknown
}

type Listener = (response: FinalResponse) => Promise<void>

// Keyed by request so a plugin can learn how a request ended without owning the one onError.
const listeners = new WeakMap<Request, Listener>()

/** Registers `listener` to run once, before the response to `request` is sent. */
export function onFinalResponse(request: Request, listener: Listener): void {
  listeners.set(request, listener)
}

/** Runs the listener registered for `request`, if any; awaited so its effect lands before the reply. */
export async function finalizeResponse(request: Request, response: FinalResponse): Promise<void> {
  const listener = listeners.get(request)
  if (!listener) return
  listeners.delete(request)
  await listener(response)
}
