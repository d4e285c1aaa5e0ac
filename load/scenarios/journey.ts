/** Latency and error limits a journey's requests must stay within (milliseconds, percent of requests). */
export interface Thresholds {
  p95: number
  p99: number
  maxErrorPercent: number
}

/**
 * One user journey as an Artillery scenario: its flow (Artillery's YAML/JSON steps), the share of arrivals it gets in
 * the mixed profile, and its thresholds. Every request carries `x-load-journey`, by which processor.cjs files its
 * latency and errors under `journey.<name>.*`.
 */
export interface Journey {
  name: string
  mixedWeight: number
  thresholds: Thresholds
  flow: Record<string, unknown>[]
}

/** A request step: the journey header, and the hook that measures it (`allow` lists non-2xx codes that are fine). */
export function request(
  journey: string,
  step: { method: 'get' | 'post' | 'delete'; url: string; allow?: number[] } & Record<string, unknown>,
) {
  const { method, allow, ...rest } = step
  const headers = { 'x-load-journey': journey, ...(allow ? { 'x-load-allow': allow.join(',') } : {}) }
  return { [method]: { ...rest, headers: { ...headers, ...(rest['headers'] as object) }, afterResponse: 'measure' } }
}
