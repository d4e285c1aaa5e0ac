// What both order benches need before they measure: the stack's order (and payment) with their APIs, buyers with
// tokens, and a stocked ACTIVE product, made through the same HTTP harness the e2e tests use (e2e/src).
// biome-ignore lint/style/noRestrictedImports: e2e/ is the stack's HTTP harness (no service): benches drive the stack with it
import { adminActor, registerBuyer } from '../../../e2e/src/actors'
// biome-ignore lint/style/noRestrictedImports: e2e/ is the stack's HTTP harness (no service): benches drive the stack with it
import { call } from '../../../e2e/src/client'
// biome-ignore lint/style/noRestrictedImports: e2e/ is the stack's HTTP harness (no service): benches drive the stack with it
import { e2eConfig } from '../../../e2e/src/config'
// biome-ignore lint/style/noRestrictedImports: e2e/ is the stack's HTTP harness (no service): benches drive the stack with it
import { stockedShelf } from '../../../e2e/src/saga'

export { e2eConfig }

/**
 * Exits with a clear message when the stack's order/payment are still the skeletons (every path 404), so a bench never
 * measures a 404. A real route answers 401 without a token.
 */
export async function requireServices(needs: ('order' | 'payment')[]) {
  const probes = {
    order: () => call(`${e2eConfig.urls.order}/api/orders`, { method: 'POST', body: {} }),
    payment: () => call(`${e2eConfig.urls.payment}/api/payments/orders/1`),
  }
  for (const name of needs) {
    const reply = await probes[name]()
    if (reply.status !== 401) {
      console.error(
        `bench: the stack's ${name} service (${e2eConfig.urls[name]}) does not serve its API yet ` +
          `(probe → ${reply.status}${reply.status === 404 ? ': the skeleton' : ''}); nothing to measure. ` +
          'Build it (issue 11), then `npm run stack restart-services`.',
      )
      process.exit(2)
    }
  }
}

/** `count` fresh buyers (registered and logged in), a few at a time. */
export async function buyers(count: number) {
  const all = []
  for (let i = 0; i < count; i += 10) {
    all.push(...(await Promise.all(Array.from({ length: Math.min(10, count - i) }, registerBuyer))))
  }
  return all
}

/** A fresh ACTIVE product with one SKU holding `stock` units (0: every order fails its reservation); the SKU id. */
export async function benchSku(stock: number): Promise<number> {
  const shelf = await stockedShelf(await adminActor(), [stock])
  return shelf.skus[0]?.skuId as number
}

/** Runs `worker(i)` on `clients` concurrent loops until `seconds` have passed; latencies (ms) and successes. */
export async function closedModel(
  load: { clients: number; seconds: number },
  worker: (client: number) => Promise<boolean>,
): Promise<{ latencies: number[]; ok: number; failed: number; elapsedS: number }> {
  const latencies: number[] = []
  let ok = 0
  let failed = 0
  const started = performance.now()
  const deadline = started + load.seconds * 1000
  await Promise.all(
    Array.from({ length: load.clients }, async (_, client) => {
      while (performance.now() < deadline) {
        const t0 = performance.now()
        const success = await worker(client)
        latencies.push(performance.now() - t0)
        if (success) ok++
        else failed++
      }
    }),
  )
  return { latencies, ok, failed, elapsedS: (performance.now() - started) / 1000 }
}
