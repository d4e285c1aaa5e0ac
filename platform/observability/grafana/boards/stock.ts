import { type DashboardSpec, row, stat, timeseries } from '../panels'

/** Totals over SKUs from inventory's balances (every inventory replica reports the same rows: max, not sum). */
const units = (state: string) => `max(inventory_stock_units{state="${state}"})`

/** Stock reserved vs available vs sold, drift found by reconcile, and what stock operations did. */
export const stock: DashboardSpec = {
  uid: 'commerce-stock',
  title: 'Commerce / Stock',
  description: 'Units available, reserved and sold; reconcile drift; stock operation outcomes.',
  tags: ['commerce', 'inventory'],
  panels: [
    row('Now'),
    stat('Available', { expr: units('available'), legend: 'available' }),
    stat('Reserved', { expr: units('reserved'), legend: 'reserved' }),
    stat('Sold', { expr: units('sold'), legend: 'sold' }),
    stat('SKUs drifting', { expr: 'max(inventory_reconcile_drift_skus)', legend: 'drift' }),
    row('Units'),
    timeseries('Units by state', [{ expr: 'max by (state) (inventory_stock_units)', legend: '{{state}}' }]),
    timeseries(
      'Reserved share of sellable units',
      [{ expr: `${units('reserved')} / (${units('available')} + ${units('reserved')})`, legend: 'reserved' }],
      {
        unit: 'percentunit',
        description: 'Units held by open sagas; a rising share with few confirmations is stuck sagas.',
      },
    ),
    timeseries('SKUs drifting (reconcile)', [{ expr: 'max(inventory_reconcile_drift_skus)', legend: 'drift' }], {
      description: 'Redis vs balances vs ledger, set by the leased reconcile job. Alert StockDrift above 0.',
    }),
    timeseries(
      'Time since reconcile last succeeded',
      [
        {
          expr: 'time() - max by (exported_job) (job_last_success_timestamp_seconds{job="inventory", exported_job="inventory-reconcile"})',
          legend: '{{exported_job}}',
        },
      ],
      { unit: 's' },
    ),
    row('Operations'),
    timeseries(
      'Stock operations by outcome',
      [
        {
          expr: 'sum by (operation, outcome) (rate(inventory_stock_operations_total[$__rate_interval]))',
          legend: '{{operation}} {{outcome}}',
        },
      ],
      { unit: 'ops' },
    ),
    timeseries(
      'Reservations refused (sold out)',
      [
        {
          expr: 'sum(rate(inventory_stock_operations_total{operation="reserve", outcome="failed"}[$__rate_interval]))',
          legend: 'refused',
        },
      ],
      { unit: 'ops' },
    ),
  ],
}
