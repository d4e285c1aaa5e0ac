import type { Producer } from 'kafkajs'
import { describeError } from '../errors/describe'
import type { RecordHeaders } from './codec'
import { EventRejected } from './handle'

/** Dead letters of a topic go to `<topic>.dlq` (SPEC §5). */
export const dlqTopicOf = (topic: string): string => `${topic}.dlq`

/** Why a record was dead-lettered; the value of the `dlq-reason` header. */
export type DeadLetterReason = 'undecodable' | 'contract-violation' | 'rejected' | 'handler-error'

/** The record as consumed, for the DLQ: key, value and headers are copied unchanged. */
export interface ConsumedRecord {
  topic: string
  partition: number
  offset: string
  key: Buffer | null
  value: Buffer | null
  headers?: RecordHeaders
}

export interface DeadLetter {
  record: ConsumedRecord
  consumer: string
  reason: DeadLetterReason
  error: unknown
}

const DLQ_PREFIX = 'dlq-'

/** Headers that say where a dead letter came from and why; replay strips them again. No data: see describeError. */
export function dlqHeaders(letter: DeadLetter, now: Date): Record<string, string> {
  const { record, error } = letter
  return {
    'dlq-reason': letter.reason,
    ...(error instanceof EventRejected ? { 'dlq-rejection-reason': error.reason } : {}),
    'dlq-error': describeError(error),
    'dlq-consumer': letter.consumer,
    'dlq-original-topic': record.topic,
    'dlq-original-partition': String(record.partition),
    'dlq-original-offset': record.offset,
    'dlq-failed-at': now.toISOString(),
  }
}

/** Sends the record, unchanged, to its topic's DLQ with the reason in headers; resolves once the broker acked. */
export async function sendToDlq(producer: Producer, letter: DeadLetter): Promise<void> {
  const { record } = letter
  await producer.send({
    topic: dlqTopicOf(record.topic),
    acks: -1,
    messages: [
      { key: record.key, value: record.value, headers: { ...record.headers, ...dlqHeaders(letter, new Date()) } },
    ],
  })
}

/** The original headers of a dead letter, without the `dlq-*` ones. */
export function withoutDlqHeaders(headers: RecordHeaders | undefined): RecordHeaders {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => !name.startsWith(DLQ_PREFIX)))
}
