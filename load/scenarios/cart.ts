import { type Journey, request } from './journey'

const step = (spec: Parameters<typeof request>[1]) => request('cart', spec)
const auth = { authorization: 'Bearer {{ token }}' }

/**
 * A buyer's cart: read it, add a line, take it out again. Buyers are shared by concurrent arrivals and lines merge by
 * SKU, so another arrival may already have removed the line (404 is fine there).
 */
export const cart: Journey = {
  name: 'cart',
  mixedWeight: 8,
  thresholds: { p95: 75, p99: 200, maxErrorPercent: 0.1 },
  flow: [
    { function: 'pickSku' },
    step({ method: 'get', url: '/api/carts/me', headers: auth }),
    step({
      method: 'post',
      url: '/api/carts/me/items',
      headers: auth,
      beforeRequest: 'withIdempotencyKey',
      json: { skuId: '{{ skuId }}', quantity: 1 },
      capture: { json: '$.data.cartItemId', as: 'cartItemId', strict: false },
    }),
    step({ method: 'delete', url: '/api/carts/me/items/{{ cartItemId }}', headers: auth, allow: [404] }),
  ],
}
