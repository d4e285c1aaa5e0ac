import type { CloudEvent } from '@commerce/contracts'
import { type Span, SpanKind, startSpan } from '../tracing/index'
import type { ConsumedRecord } from './dlq'

/**
 * The span of one consumed event (kind CONSUMER), a child of the span that appended it to the outbox: the CloudEvent's
 * `traceparent` crosses Debezium and Kafka, so the trace goes on here. Undefined when nothing is recorded.
 */
export function startConsumerSpan(
  groupId: string,
  event: CloudEvent<unknown>,
  /** Absent for a parked event offered again by the `retry-parked` job. */
  record?: ConsumedRecord,
): Span | undefined {
  return startSpan({
    name: `process ${event.type}`,
    kind: SpanKind.CONSUMER,
    parent: event.traceparent,
    attributes: () => ({
      'messaging.system': 'kafka',
      'messaging.operation.type': 'process',
      ...(record && {
        'messaging.destination.name': record.topic,
        'messaging.destination.partition.id': String(record.partition),
        'messaging.kafka.offset': Number(record.offset),
      }),
      'messaging.consumer.group.name': groupId,
      'messaging.message.id': event.id,
      'cloudevents.event_id': event.id,
      'cloudevents.event_type': event.type,
      'cloudevents.event_source': event.source,
    }),
  })
}
