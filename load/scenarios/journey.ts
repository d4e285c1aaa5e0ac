/** Latency and error limits a journey's requests must stay within (milliseconds, percent of requests). */
export interface Thresholds {
  p95: number
  p99: number
  maxErrorPercent: number
}

/** One Artillery flow step (its YAML/JSON shape). */
export type Step = Record<string, unknown>

/**
 * One user journey as Artillery scenarios: its flow (Artillery's YAML/JSON steps) — or variants of it, each with its
 * share of the journey's arrivals —, the share of arrivals the journey gets in the mixed profile, and its thresholds.
 * Every request carries `x-load-journey`, by which processor.cjs files its latency and errors under `journey.<name>.*`.
 */
export type Journey = {
  name: string
  mixedWeight: number
  thresholds: Thresholds
} & ({ flow: Step[] } | { variants: { name: string; share: number; flow: Step[] }[] })

/** A request step: the journey header, and the hook that measures it (`allow` lists non-2xx codes that are fine). */
export function request(
  journey: string,
  step: { method: 'get' | 'post' | 'delete'; url: string; allow?: number[] } & Record<string, unknown>,
): Step {
  const { method, allow, ...rest } = step
  const headers = { 'x-load-journey': journey, ...(allow ? { 'x-load-allow': allow.join(',') } : {}) }
  return { [method]: { ...rest, headers: { ...headers, ...(rest['headers'] as object) }, afterResponse: 'measure' } }
}
