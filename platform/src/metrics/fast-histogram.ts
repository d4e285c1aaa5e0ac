import { Histogram, type HistogramConfiguration } from 'prom-client'

/** A label set bound once: observing is a bucket search and three additions. */
export interface BoundObserver {
  observe(value: number): void
}

interface Series {
  labels: Record<string, string>
  /** Per-bucket counts (not cumulative); index i counts values ≤ bounds[i] and > bounds[i-1]. */
  counts: number[]
  sum: number
  count: number
}

type Tree = Map<string, Tree | BoundObserver>

interface ExportedValue {
  labels: Record<string, string | number>
  sharedLabels?: Record<string, string>
  value: number
  metricName: string
  exemplar?: null
}

interface Exported {
  values: ExportedValue[]
}

// The registry asks a metric for `getForPromString()` (and `get()` builds on it); prom-client's types omit it.
type PromStringSource = { getForPromString(this: unknown): Promise<Exported> }
const baseExport = (Histogram.prototype as unknown as PromStringSource).getForPromString

/**
 * A prom-client Histogram with a hot path: `series(...labelValues)` returns the label set's counters, created once and
 * then found by one Map lookup, so a request pays no per-call label validation, sorting or hashing (prom-client's
 * `observe(labels, v)` and even its bound `labels(...)` do all three on every call). Scrapes show both paths; a label
 * set should be observed through one of them only.
 */
export class FastHistogram<T extends string> extends Histogram<T> {
  readonly #name: string
  readonly #labelNames: readonly T[]
  readonly #bounds: number[]
  // One level per label, so finding a known label set builds no key string.
  readonly #tree: Tree = new Map()
  readonly #series: Series[] = []

  constructor(config: HistogramConfiguration<T> & { buckets: number[]; labelNames: readonly T[] }) {
    super(config)
    this.#name = config.name
    this.#labelNames = config.labelNames
    this.#bounds = [...config.buckets].sort((a, b) => a - b)
  }

  /** The counters of one label set, values in `labelNames` order. */
  series(...values: string[]): BoundObserver {
    let node = this.#tree
    for (let i = 0; i < values.length - 1; i++) {
      const next = node.get(values[i] as string)
      if (!(next instanceof Map)) return this.#create(values)
      node = next
    }
    const leaf = node.get(values[values.length - 1] as string)
    return leaf && !(leaf instanceof Map) ? leaf : this.#create(values)
  }

  #create(values: string[]): BoundObserver {
    if (values.length !== this.#labelNames.length || values.length === 0) {
      throw new Error(`${this.#name}: expected ${this.#labelNames.length} label values, got ${values.length}`)
    }
    const labels = Object.fromEntries(this.#labelNames.map((name, i) => [name, values[i] ?? '']))
    const series: Series = { labels, counts: this.#bounds.map(() => 0), sum: 0, count: 0 }
    const observer = { observe: observeInto(series, this.#bounds) }
    let node = this.#tree
    for (const value of values.slice(0, -1)) {
      const next = node.get(value)
      const child: Tree = next instanceof Map ? next : new Map()
      node.set(value, child)
      node = child
    }
    node.set(values[values.length - 1] as string, observer)
    this.#series.push(series)
    return observer
  }

  /** Registry hook: prom-client's own series, then the fast ones, in the same shape. */
  async getForPromString(): Promise<Exported> {
    const data = await baseExport.call(this)
    for (const series of this.#series) data.values.push(...this.#export(series))
    return data
  }

  override reset(): void {
    super.reset()
    // prom-client's constructor calls reset() before this class's fields exist.
    if (#series in this) {
      this.#series.length = 0
      this.#tree.clear()
    }
  }

  #export(series: Series): ExportedValue[] {
    const bucket = `${this.#name}_bucket`
    const shared = series.labels
    let cumulative = 0
    const buckets = this.#bounds.map((le, i) => {
      cumulative += series.counts[i] ?? 0
      return { labels: { le }, sharedLabels: shared, value: cumulative, metricName: bucket, exemplar: null }
    })
    return [
      ...buckets,
      { labels: { le: '+Inf' }, sharedLabels: shared, value: series.count, metricName: bucket, exemplar: null },
      { labels: {}, sharedLabels: shared, value: series.sum, metricName: `${this.#name}_sum` },
      { labels: {}, sharedLabels: shared, value: series.count, metricName: `${this.#name}_count` },
    ]
  }
}

function observeInto(series: Series, bounds: number[]) {
  return (value: number) => {
    // Same rule as prom-client: a non-finite value is a bug in the caller, not a sample.
    if (!Number.isFinite(value)) throw new TypeError(`Value is not a valid number: ${value}`)
    series.sum += value
    series.count += 1
    for (let i = 0; i < bounds.length; i++) {
      if (value <= (bounds[i] as number)) {
        series.counts[i] = (series.counts[i] ?? 0) + 1
        return
      }
    }
  }
}
