import { type Journey, request } from './journey'

const step = (spec: Parameters<typeof request>[1]) => request('browse', spec)

/** A shopper browsing: a list page, a filtered and sorted list, the category tree, a product's detail. */
export const browse: Journey = {
  name: 'browse',
  mixedWeight: 55,
  thresholds: { p95: 50, p99: 150, maxErrorPercent: 0.1 },
  flow: [
    step({
      method: 'get',
      url: '/api/products?page={{ $randomNumber(0, 4) }}&size=20',
      capture: { json: '$.data.items[0].id', as: 'productId', strict: false },
    }),
    step({ method: 'get', url: '/api/products?minPrice=5000&maxPrice=50000&sort=PRICE_ASC&size=20' }),
    step({ method: 'get', url: '/api/categories/tree' }),
    step({ method: 'get', url: '/api/products/{{ productId }}' }),
  ],
}
