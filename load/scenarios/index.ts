import { browse } from './browse'
import { cart } from './cart'
import { checkout } from './checkout'
import type { Journey, Step, Thresholds } from './journey'
import { login } from './login'
import { stock } from './stock'

export const journeys: Record<string, Journey> = { browse, stock, login, cart, checkout }

/** The mixed profile's overall limits: the target (p95 ≤ 50 ms, p99 ≤ 150 ms, errors < 0.1 %). */
export const mixedThresholds: Thresholds = { p95: 50, p99: 150, maxErrorPercent: 0.1 }

// Artillery takes whole-number weights: each journey's mixed share is scaled by this before its variants split it.
const weightScale = 20

/** The Artillery scenarios of the chosen journeys: one per journey, or one per variant with its share of the weight. */
export function artilleryScenarios(chosen: Journey[]): { name: string; weight: number; flow: Step[] }[] {
  return chosen.flatMap((journey) => {
    const weight = journey.mixedWeight * weightScale
    if ('flow' in journey) return [{ name: journey.name, weight, flow: journey.flow }]
    const shares = journey.variants.reduce((sum, v) => sum + v.share, 0)
    return journey.variants.map((v) => ({
      name: `${journey.name} ${v.name}`,
      weight: Math.max(1, Math.round((weight * v.share) / shares)),
      flow: v.flow,
    }))
  })
}
