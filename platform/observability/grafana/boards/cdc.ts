import { type DashboardSpec, quantile, row, stat, timeseries } from '../panels'

const rate = (metric: string, by: string) => `sum by (${by}) (rate(${metric}[$__rate_interval]))`

/** The event pipe: Debezium in Kafka Connect, event and group lag, consumer outcomes, DLQs, parked events, pruning. */
export const cdc: DashboardSpec = {
  uid: 'commerce-cdc',
  title: 'Commerce / CDC and consumers',
  description: 'Outbox → Debezium → Kafka → consumers: lag per event type and partition, outcomes, DLQs, housekeeping.',
  tags: ['commerce', 'cdc', 'kafka'],
  panels: [
    row('Now'),
    stat('Connectors RUNNING', { expr: 'sum(connect_connector_running)', legend: 'running' }),
    stat('Tasks not RUNNING', { expr: 'count(connect_task_running == 0) or vector(0)', legend: 'tasks' }),
    stat('Dead letters pending', { expr: 'sum(dlq_pending_records)', legend: 'pending' }),
    stat(
      'Event lag p95 (5m)',
      {
        expr: 'histogram_quantile(0.95, sum by (le) (rate(consumer_event_lag_seconds_bucket[5m])))',
        legend: 'p95',
      },
      { unit: 's' },
    ),
    row('Debezium (Kafka Connect)'),
    timeseries(
      'Connector and task status (Connect JMX)',
      [
        {
          expr: 'max by (connector, status) (kafka_connect_connector_status)',
          legend: 'connector {{connector}} {{status}}',
        },
        {
          expr: 'max by (connector, task, status) (kafka_connect_task_status)',
          legend: 'task {{connector}}/{{task}} {{status}}',
        },
      ],
      { description: '1 for the current status of each connector and task.' },
    ),
    timeseries(
      'Behind source (binlog event → Debezium)',
      [{ expr: 'max by (server) (debezium_streaming_behind_source_seconds)', legend: '{{server}}' }],
      { unit: 's', description: "Debezium's MilliSecondsBehindSource for the last event read (-1 before the first)." },
    ),
    timeseries(
      'Binlog events seen, records written to Kafka',
      [
        { expr: rate('debezium_streaming_events_seen_total', 'server'), legend: 'seen {{server}}' },
        { expr: rate('kafka_connect_source_record_write_total', 'connector'), legend: 'written {{connector}}' },
      ],
      { unit: 'ops' },
    ),
    timeseries(
      'Events into commerce topics',
      [
        {
          expr: 'sum by (topic) (rate(kafka_topic_messages_in_total{topic=~"commerce[.].*"}[$__rate_interval]))',
          legend: '{{topic}}',
        },
      ],
      { unit: 'ops' },
    ),
    row('Lag'),
    timeseries(
      'Event lag, outbox → consumer',
      [0.5, 0.95, 0.99].map((q) => ({
        expr: quantile(q, 'consumer_event_lag_seconds', { by: ['consumer'] }),
        legend: `p${q * 100} {{consumer}}`,
      })),
      { unit: 's', description: 'Consumer clock minus the CloudEvent time (written with the outbox row).' },
    ),
    timeseries(
      'Event lag p95 by type',
      [
        {
          expr: quantile(0.95, 'consumer_event_lag_seconds', { by: ['consumer', 'type'] }),
          legend: '{{consumer}} {{type}}',
        },
      ],
      { unit: 's' },
    ),
    timeseries(
      'Consumer group lag (Kafka admin)',
      [
        {
          // groups a service reported in the last day: the broker also keeps tests' throwaway groups
          expr: 'sum by (group, topic) (kafka_consumergroup_lag{topic!~".+[.]dlq"}) and on (group) group by (group) (max_over_time(consumer_group_lag[1d]))',
          legend: '{{group}} {{topic}}',
        },
      ],
      { description: 'End offset minus committed offset, from the broker (ops exporter): a dead consumer shows too.' },
    ),
    timeseries('Lag per partition (as consumers see it)', [
      { expr: 'max by (group, topic, partition) (consumer_group_lag)', legend: '{{group}} {{topic}}/{{partition}}' },
    ]),
    row('Consumers'),
    timeseries(
      'Events by outcome',
      [{ expr: rate('consumer_events_total', 'consumer, outcome'), legend: '{{consumer}} {{outcome}}' }],
      {
        unit: 'ops',
      },
    ),
    timeseries(
      'Inbox duplicates skipped',
      [{ expr: rate('consumer_events_total{outcome="duplicate"}', 'consumer, type'), legend: '{{consumer}} {{type}}' }],
      { unit: 'ops' },
    ),
    timeseries(
      'Handle duration p95 (fetch → commit)',
      [
        {
          expr: quantile(0.95, 'consumer_handle_duration_seconds', { by: ['consumer', 'type'] }),
          legend: '{{consumer}} {{type}}',
        },
      ],
      { unit: 's' },
    ),
    timeseries(
      'Retries (transient failures)',
      [{ expr: rate('consumer_retries_total', 'consumer, type'), legend: '{{consumer}} {{type}}' }],
      {
        unit: 'ops',
      },
    ),
    row('Dead letters and parked events'),
    timeseries('Dead letters pending by DLQ', [{ expr: 'sum by (topic) (dlq_pending_records)', legend: '{{topic}}' }]),
    timeseries('Dead letters written', [
      {
        expr: 'sum by (consumer, topic, reason) (increase(consumer_dead_letters_total[$__rate_interval]))',
        legend: '{{consumer}} {{topic}} {{reason}}',
      },
    ]),
    timeseries('Parked (early) events waiting', [
      { expr: 'sum by (job, consumer) (consumer_parked_events)', legend: '{{job}} {{consumer}}' },
    ]),
    timeseries('Fatal consumer stops (15m)', [
      {
        expr: 'sum by (job, consumer) (max_over_time(consumer_fatal_stops_total[15m]))',
        legend: '{{job}} {{consumer}}',
      },
    ]),
    row('Housekeeping'),
    timeseries('Rows pruned per hour', [
      { expr: 'sum by (job, table) (increase(pruned_rows_total[1h]))', legend: '{{job}} {{table}}' },
    ]),
    timeseries(
      'Time since each job last succeeded',
      [
        {
          expr: 'time() - max by (job, exported_job) (job_last_success_timestamp_seconds)',
          legend: '{{job}} {{exported_job}}',
        },
      ],
      { unit: 's', description: 'The metric label `job` (the scheduled job) reads `exported_job` next to the target.' },
    ),
    timeseries('Job runs by outcome', [
      {
        expr: 'sum by (job, exported_job, outcome) (increase(job_runs_total{outcome!="skipped"}[$__rate_interval]))',
        legend: '{{job}} {{exported_job}} {{outcome}}',
      },
    ]),
    timeseries(
      'Job run p95 duration',
      [
        {
          expr: quantile(0.95, 'job_run_duration_seconds', { by: ['job', 'exported_job'] }),
          legend: '{{job}} {{exported_job}}',
        },
      ],
      { unit: 's' },
    ),
  ],
}
