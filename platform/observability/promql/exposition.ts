// The metric names one /metrics answer (Prometheus text format 0.0.4, or OpenMetrics) makes queryable.

/** Series names Prometheus makes itself: per target (`up`, `scrape_*`) and from alert rules (`ALERTS*`). */
export const prometheusSyntheticNames = [
  'up',
  'scrape_duration_seconds',
  'scrape_samples_scraped',
  'scrape_samples_post_metric_relabeling',
  'scrape_series_added',
  'ALERTS',
  'ALERTS_FOR_STATE',
] as const

/** The suffixes each metric type's series carry (counters: OpenMetrics' TYPE line drops `_total`). */
const seriesSuffixes: Record<string, string[]> = {
  histogram: ['_bucket', '_sum', '_count'],
  gaugehistogram: ['_bucket', '_gsum', '_gcount'],
  summary: ['', '_sum', '_count'],
  counter: ['', '_total'],
}

/** Every series name `text` declares (`# TYPE`, expanded per type) or carries a sample of. */
export function exposedNames(text: string): Set<string> {
  const names = new Set<string>()
  for (const line of text.split('\n')) {
    const typed = /^#\s*TYPE\s+([a-zA-Z_:][a-zA-Z0-9_:]*)\s+(\w+)/.exec(line)
    if (typed?.[1] && typed[2]) {
      for (const suffix of seriesSuffixes[typed[2].toLowerCase()] ?? ['']) names.add(typed[1] + suffix)
      continue
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)[\s{]/.exec(line)
    if (sample?.[1]) names.add(sample[1])
  }
  return names
}
