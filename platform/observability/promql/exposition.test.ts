import { describe, expect, test } from 'bun:test'
import { exposedNames } from './exposition'

describe('exposedNames', () => {
  test('when metrics are declared without samples, then their series names follow from the type', () => {
    const text = [
      '# HELP http_server_request_duration_seconds HTTP request duration',
      '# TYPE http_server_request_duration_seconds histogram',
      '# TYPE consumer_events_total counter',
      '# TYPE order_needs_attention gauge',
      '# TYPE rpc_seconds summary',
    ].join('\n')
    expect([...exposedNames(text)].sort()).toEqual([
      'consumer_events_total',
      'consumer_events_total_total',
      'http_server_request_duration_seconds_bucket',
      'http_server_request_duration_seconds_count',
      'http_server_request_duration_seconds_sum',
      'order_needs_attention',
      'rpc_seconds',
      'rpc_seconds_count',
      'rpc_seconds_sum',
    ])
  })

  test('when an OpenMetrics counter drops _total from its TYPE line, then its _total samples still count', () => {
    const text = '# TYPE kafka_topic_messages_in counter\nkafka_topic_messages_in_total{topic="a"} 3.0\n# EOF\n'
    expect(exposedNames(text).has('kafka_topic_messages_in_total')).toBe(true)
  })

  test('when samples come without TYPE lines, then each sample name counts and comments do not', () => {
    const text =
      'redis_up 1\nmysql_global_status_queries{instance="x"} 12 1700000000\n# a comment mentioning fake_metric\n'
    expect([...exposedNames(text)].sort()).toEqual(['mysql_global_status_queries', 'redis_up'])
  })
})
