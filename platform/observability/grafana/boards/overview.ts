import { type DashboardSpec, quantile, row, stat, timeseries } from '../panels'

/** The traffic a service serves: its monitoring routes (scrapes, probes) left out, as in the SLO alerts. */
const served = 'route!~"/metrics|/health/.*"'
const requests = (matchers = '') =>
  `sum by (job) (rate(http_server_request_duration_seconds_count{${[served, matchers].filter(Boolean).join(', ')}}[$__rate_interval]))`

/** RED per service: rate, errors, duration (by route), plus what is firing and what does not answer. */
export const overview: DashboardSpec = {
  uid: 'commerce-overview',
  title: 'Commerce / Overview',
  description: 'Rate, errors and duration of every service (RED), targets and firing alerts.',
  tags: ['commerce', 'red'],
  panels: [
    row('Now'),
    stat('Targets up', { expr: 'sum(up)', legend: 'up' }),
    stat('Targets down', { expr: 'count(up == 0) or vector(0)', legend: 'down' }),
    stat('Alerts firing', { expr: 'count(ALERTS{alertstate="firing"}) or vector(0)', legend: 'firing' }),
    stat(
      '5xx share (all services, 5m)',
      {
        expr: `sum(rate(http_server_request_duration_seconds_count{status=~"5..", ${served}}[5m])) / sum(rate(http_server_request_duration_seconds_count{${served}}[5m]))`,
        legend: '5xx',
      },
      { unit: 'percentunit' },
    ),
    row('Rate and errors'),
    timeseries('Requests per second', [{ expr: requests(), legend: '{{job}}' }], { unit: 'reqps' }),
    timeseries(
      '5xx share (SLO: 0.1 %)',
      [{ expr: `${requests('status=~"5.."')} / ${requests()}`, legend: '{{job}}' }],
      {
        unit: 'percentunit',
        description: 'Share of requests answered with a 5xx; the availability objective allows 0.1 %.',
      },
    ),
    timeseries(
      '4xx per second by status',
      [
        {
          expr: `sum by (job, status) (rate(http_server_request_duration_seconds_count{status=~"4..", ${served}}[$__rate_interval]))`,
          legend: '{{job}} {{status}}',
        },
      ],
      { unit: 'reqps' },
    ),
    timeseries(
      'Share slower than 0.5 s (SLO: 1 %)',
      [
        {
          expr: `1 - sum by (job) (rate(http_server_request_duration_seconds_bucket{le="0.5", ${served}}[$__rate_interval])) / ${requests()}`,
          legend: '{{job}}',
        },
      ],
      { unit: 'percentunit' },
    ),
    row('Duration by route'),
    ...([0.5, 0.95, 0.99] as const).map((q) =>
      timeseries(
        `p${q * 100} duration by route`,
        [
          {
            expr: quantile(q, 'http_server_request_duration_seconds', { by: ['job', 'route'], matchers: served }),
            legend: '{{job}} {{route}}',
          },
        ],
        { unit: 's', width: 8 },
      ),
    ),
    timeseries(
      'Busiest routes',
      [
        {
          expr: `topk(10, sum by (job, method, route) (rate(http_server_request_duration_seconds_count{${served}}[$__rate_interval])))`,
          legend: '{{job}} {{method}} {{route}}',
        },
      ],
      { unit: 'reqps', width: 24 },
    ),
  ],
}
