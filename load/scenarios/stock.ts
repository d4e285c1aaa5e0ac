import { type Journey, request } from './journey'

/** Stock reads as a product page makes them: one SKU, then the product's SKUs in bulk. */
export const stock: Journey = {
  name: 'stock',
  mixedWeight: 30,
  thresholds: { p95: 30, p99: 100, maxErrorPercent: 0.1 },
  flow: [
    { function: 'pickSku' },
    request('stock', { method: 'get', url: '/api/inventories/{{ skuId }}' }),
    request('stock', { method: 'post', url: '/api/inventories/bulk', json: { skuIds: '{{ skuIds }}' } }),
  ],
}
