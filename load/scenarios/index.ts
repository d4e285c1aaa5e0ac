import { browse } from './browse'
import { cart } from './cart'
import { checkout } from './checkout'
import type { Journey, Thresholds } from './journey'
import { login } from './login'
import { stock } from './stock'

export const journeys: Record<string, Journey> = { browse, stock, login, cart, checkout }

/** The mixed profile's overall limits: the target (p95 ≤ 50 ms, p99 ≤ 150 ms, errors < 0.1 %). */
export const mixedThresholds: Thresholds = { p95: 50, p99: 150, maxErrorPercent: 0.1 }
