import { type DashboardSpec, row, stat, timeseries } from '../panels'

const services = 'job=~"auth|user|catalog|inventory|order|payment|sample|ops-console"'
const rate = (metric: string, by: string) => `sum by (${by}) (rate(${metric}[$__rate_interval]))`

/** Processes (services, Kafka, Connect), the broker, Connect's worker, MariaDB (mysqld_exporter), Redis (redis_exporter). */
export const infra: DashboardSpec = {
  uid: 'commerce-infra',
  title: 'Commerce / Infrastructure',
  description: 'CPU and memory of every process, Kafka and Kafka Connect (JMX), MariaDB and Redis (exporters).',
  tags: ['commerce', 'infra'],
  panels: [
    row('Processes'),
    timeseries('CPU (cores)', [{ expr: rate('process_cpu_seconds_total', 'job'), legend: '{{job}}' }], {
      unit: 'percentunit',
      description: '1 = one full core. Kafka Connect idle budget: 10 % of a core.',
    }),
    timeseries('Resident memory', [{ expr: 'sum by (job) (process_resident_memory_bytes)', legend: '{{job}}' }], {
      unit: 'bytes',
    }),
    timeseries(
      'Service heap used',
      [{ expr: `sum by (job) (nodejs_heap_size_used_bytes{${services}})`, legend: '{{job}}' }],
      { unit: 'bytes' },
    ),
    timeseries(
      'Service event loop lag p99',
      [{ expr: `max by (job) (nodejs_eventloop_lag_p99_seconds{${services}})`, legend: '{{job}}' }],
      { unit: 's' },
    ),
    timeseries('Restarts (1h)', [
      { expr: 'sum by (job) (changes(process_start_time_seconds[1h]))', legend: '{{job}}' },
    ]),
    timeseries('Circuit breakers (0 closed, 1 open, 2 half-open)', [
      { expr: 'max by (job, client) (service_client_breaker_state)', legend: '{{job}} → {{client}}' },
    ]),
    row('Kafka'),
    stat('Active controllers', { expr: 'sum(kafka_controller_active_controllers)', legend: 'controllers' }),
    stat('Under-replicated partitions', {
      expr: 'max(kafka_server_under_replicated_partitions)',
      legend: 'partitions',
    }),
    stat('Offline partitions', { expr: 'max(kafka_controller_offline_partitions)', legend: 'partitions' }),
    stat('Partitions', { expr: 'max(kafka_server_partitions)', legend: 'partitions' }),
    timeseries(
      'Broker throughput',
      [
        { expr: 'sum(rate(kafka_broker_bytes_in_total[$__rate_interval]))', legend: 'in' },
        { expr: 'sum(rate(kafka_broker_bytes_out_total[$__rate_interval]))', legend: 'out' },
      ],
      { unit: 'Bps' },
    ),
    timeseries('Requests by type', [{ expr: rate('kafka_network_requests_total', 'request'), legend: '{{request}}' }], {
      unit: 'reqps',
    }),
    timeseries(
      'Request time p99 (broker side)',
      [{ expr: 'max by (request) (kafka_network_request_total_time_seconds{quantile="0.99"})', legend: '{{request}}' }],
      { unit: 's' },
    ),
    timeseries(
      'Failed produce and fetch requests',
      [
        { expr: 'sum(rate(kafka_broker_failed_produce_requests_total[$__rate_interval]))', legend: 'produce' },
        { expr: 'sum(rate(kafka_broker_failed_fetch_requests_total[$__rate_interval]))', legend: 'fetch' },
      ],
      { unit: 'reqps' },
    ),
    row('Kafka Connect'),
    timeseries('Tasks by state', [
      { expr: 'sum by (connector) (kafka_connect_connector_running_tasks)', legend: 'running {{connector}}' },
      { expr: 'sum by (connector) (kafka_connect_connector_failed_tasks)', legend: 'failed {{connector}}' },
    ]),
    timeseries('Task record errors', [
      {
        expr: 'sum by (connector, task) (increase(kafka_connect_task_total_record_errors_total[$__rate_interval]))',
        legend: '{{connector}}/{{task}}',
      },
    ]),
    row('MariaDB'),
    stat('MariaDB up', { expr: 'min(mysql_up)', legend: 'up' }),
    stat('Connections', { expr: 'max(mysql_global_status_threads_connected)', legend: 'connections' }),
    timeseries(
      'Queries per second',
      [{ expr: 'sum(rate(mysql_global_status_queries[$__rate_interval]))', legend: 'queries' }],
      {
        unit: 'ops',
      },
    ),
    timeseries(
      'Slow queries and row lock waits',
      [
        { expr: 'sum(rate(mysql_global_status_slow_queries[$__rate_interval]))', legend: 'slow queries' },
        { expr: 'sum(rate(mysql_global_status_innodb_row_lock_waits[$__rate_interval]))', legend: 'row lock waits' },
      ],
      { unit: 'ops' },
    ),
    row('Redis'),
    stat('Redis up', { expr: 'min(redis_up)', legend: 'up' }),
    stat('Clients', { expr: 'max(redis_connected_clients)', legend: 'clients' }),
    timeseries(
      'Commands per second',
      [{ expr: 'sum(rate(redis_commands_processed_total[$__rate_interval]))', legend: 'commands' }],
      {
        unit: 'ops',
      },
    ),
    timeseries('Memory used', [{ expr: 'max(redis_memory_used_bytes)', legend: 'used' }], { unit: 'bytes' }),
  ],
}
