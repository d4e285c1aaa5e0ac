import { describe, expect, test } from 'bun:test'
import { dashboardQueries, queriedMetrics, ruleQueries } from './queried-metrics'

describe('queried metrics of the committed dashboards and rules', () => {
  test('when every dashboard and rule query is read, then each parses and names at least one metric', () => {
    const places = [...dashboardQueries(), ...ruleQueries()]
    const nameless = places.filter((place) => queriedMetrics([place]).size === 0).map((place) => place.where)
    expect(nameless).toEqual([])
    expect(places.length).toBeGreaterThan(50)
  })

  test('when the rules are read, then every alert the issue asks for is there', () => {
    const alerts = new Set(ruleQueries().map((place) => place.where))
    expect([...alerts].sort()).toEqual(
      [
        'CircuitBreakerOpen',
        'CompensationFailed',
        'ConnectorNotRunning',
        'ConnectorStatusMissing',
        'ConnectorTaskNotRunning',
        'ConsumerFatalStop',
        'ConsumerGroupLagGrowing',
        'ConsumerLagHigh',
        'DlqNotEmpty',
        'HttpErrorBudgetBurn',
        'HttpLatencyBudgetBurn',
        'JobNotSucceeding',
        'OutboxLagHigh',
        'SagaStuck',
        'ServiceRestartLoop',
        'StockDrift',
        'TargetDown',
      ].map((name) => `alert ${name}`),
    )
  })

  test('when a metric is queried in several places, then each place is listed under it', () => {
    const byName = queriedMetrics([
      { where: 'a', expr: 'sum(x_total) / sum(y)' },
      { where: 'b', expr: 'rate(x_total[5m])' },
    ])
    expect(Object.fromEntries(byName)).toEqual({ x_total: ['a', 'b'], y: ['a'] })
  })
})
