import { describe, expect, test } from 'bun:test'
import { metricNames } from './metric-names'

describe('metricNames', () => {
  test('when a query nests functions and aggregations, then only the metrics are named', () => {
    const expr =
      'histogram_quantile(0.95, sum by (job, le) (rate(http_server_request_duration_seconds_bucket{route!~"/metrics"}[5m])))'
    expect(metricNames(expr)).toEqual(['http_server_request_duration_seconds_bucket'])
  })

  test('when label names appear in matchers and in by/without/on/ignoring/group_* lists, then none is a metric', () => {
    const expr = `sum without (instance) (a_total{job="x", consumer=~"order|payment"})
      / on (job) group_left (version) max by (job, version) (b_info)
      * ignoring (le) c unless d and on(job) e or f * on(job) group_right g`
    expect(metricNames(expr)).toEqual(['a_total', 'b_info', 'c', 'd', 'e', 'f', 'g'])
  })

  test('when the aggregation clause follows its body, then the clause is still skipped', () => {
    expect(metricNames('sum(rate(x_total[1m])) by (job) > bool 0')).toEqual(['x_total'])
  })

  test('when numbers, durations, offsets, @ modifiers and keywords appear, then none is a metric', () => {
    const expr = 'rate(a[1h30m] offset 5m) > 14.4 * 1e-3 and b @ start() > 0x1F or c[5m:30s] == Inf or time() - d > NaN'
    expect(metricNames(expr)).toEqual(['a', 'b', 'c', 'd'])
  })

  test('when strings hold identifiers, brackets and quotes, then they are skipped', () => {
    const expr = `label_replace(up{job="a{b}"}, "dst", "$1", 'src', "(.*)\\"q") + count_values("le", e) + topk(3, f)`
    expect(metricNames(expr)).toEqual(['e', 'f', 'up'])
  })

  test('when the metric is named by a __name__ matcher, then that name counts', () => {
    expect(metricNames('{__name__="job_runs_total", outcome="failed"} + {__name__=~"ignored_.*"}')).toEqual([
      'job_runs_total',
    ])
  })

  test('when Grafana variables stand in for values and ranges, then they are skipped', () => {
    const variable = `$${'{'}type:regex}` // Grafana's ${type:regex}
    const expr = `sum by (job) (rate(x_total{job=~"$job", type=~"${variable}"}[$__rate_interval])) / $scale`
    expect(metricNames(expr)).toEqual(['x_total'])
  })

  test('when a metric name contains colons (a recording rule), then it is one name', () => {
    expect(metricNames('job:http_errors:ratio_rate5m > 0.1')).toEqual(['job:http_errors:ratio_rate5m'])
  })

  test('when a query repeats a metric, then it is named once', () => {
    expect(metricNames('a / (a + b) + a')).toEqual(['a', 'b'])
  })

  test('when a bracket is never closed, then the extractor refuses the query', () => {
    expect(() => metricNames('rate(x{job="a"[5m])')).toThrow(/unclosed/)
    expect(() => metricNames('x{job="a}')).toThrow(/unterminated string|unclosed/)
  })
})
