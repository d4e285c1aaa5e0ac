import { type DashboardSpec, quantile, row, stat, timeseries } from '../panels'

/** Outcomes, durations, what is still open (by state and age) and what waits for an operator. */
export const saga: DashboardSpec = {
  uid: 'commerce-saga',
  title: 'Commerce / Checkout saga',
  description:
    'Checkout saga outcomes and durations, open sagas by state and age, orders needing an operator, PG calls.',
  tags: ['commerce', 'saga'],
  panels: [
    row('Now'),
    stat('Needs attention', { expr: 'max(order_needs_attention)', legend: 'orders' }),
    stat('Open sagas', { expr: 'sum(max by (state, age) (order_sagas_open))', legend: 'open' }),
    stat('Oldest open saga', { expr: 'max(order_oldest_open_saga_age_seconds)', legend: 'age' }, { unit: 's' }),
    stat('Confirmed in the last hour', {
      expr: 'sum(increase(order_saga_outcomes_total{outcome="CONFIRMED"}[1h]))',
      legend: 'confirmed',
    }),
    row('Outcomes'),
    timeseries(
      'Outcomes per second',
      [{ expr: 'sum by (outcome) (rate(order_saga_outcomes_total[$__rate_interval]))', legend: '{{outcome}}' }],
      { unit: 'ops', stacked: true },
    ),
    timeseries(
      'Duration, created → outcome',
      [0.5, 0.95, 0.99].map((q) => ({
        expr: quantile(q, 'order_saga_duration_seconds', { by: ['outcome'] }),
        legend: `p${q * 100} {{outcome}}`,
      })),
      { unit: 's' },
    ),
    row('In flight'),
    timeseries(
      'Open sagas by state and age',
      [{ expr: 'max by (state, age) (order_sagas_open)', legend: '{{state}} {{age}}' }],
      {
        stacked: true,
        description: 'Non-terminal orders; an age band past lt_1m outside PAYMENT_PENDING is a stuck saga.',
      },
    ),
    timeseries(
      'Oldest open saga by state',
      [{ expr: 'max by (state) (order_oldest_open_saga_age_seconds)', legend: '{{state}}' }],
      { unit: 's', description: 'Alert SagaStuck: CREATED/PAID past 5 min, PAYMENT_PENDING past 20 min.' },
    ),
    timeseries('Orders needing an operator', [{ expr: 'max(order_needs_attention)', legend: 'NEEDS_ATTENTION' }]),
    timeseries(
      'Saga events by reaction',
      [
        {
          expr: 'sum by (type, reaction) (rate(order_saga_events_total[$__rate_interval]))',
          legend: '{{type}} {{reaction}}',
        },
      ],
      {
        unit: 'ops',
        description: 'moved, ignored (duplicate or stale), held (early, parked), recorded, unknown_order.',
      },
    ),
    row('Payment'),
    timeseries(
      'Payment outcomes',
      [
        {
          expr: 'sum by (operation, outcome) (rate(payment_outcomes_total[$__rate_interval]))',
          legend: '{{operation}} {{outcome}}',
        },
      ],
      { unit: 'ops' },
    ),
    timeseries(
      'PG calls: p95 duration',
      [
        {
          expr: quantile(0.95, 'payment_pg_request_duration_seconds', { by: ['operation', 'outcome'] }),
          legend: '{{operation}} {{outcome}}',
        },
      ],
      { unit: 's' },
    ),
  ],
}
