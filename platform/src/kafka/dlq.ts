import type { IHeaders, KafkaMessage, Producer } from 'kafkajs'

/** Dead letters of a topic go to `<topic>.dlq` (SPEC §5). */
export const dlqTopicOf = (topic: string): string => `${topic}.dlq`

/** Why a record was dead-lettered; the value of the `dlq-reason` header. */
export type DeadLetterReason = 'undecodable' | 'contract-violation' | 'rejected' | 'handler-error'

export interface DeadLetter {
  topic: string
  partition: number
  message: KafkaMessage
  consumer: string
  reason: DeadLetterReason
  error: unknown
}

const DLQ_PREFIX = 'dlq-'

/** Headers that say where a dead letter came from and why; replay strips them again. */
function dlqHeaders(letter: DeadLetter): IHeaders {
  const detail = letter.error instanceof Error ? `${letter.error.name}: ${letter.error.message}` : String(letter.error)
  return {
    'dlq-reason': letter.reason,
    'dlq-error': detail.slice(0, 1000),
    'dlq-consumer': letter.consumer,
    'dlq-original-topic': letter.topic,
    'dlq-original-partition': String(letter.partition),
    'dlq-original-offset': letter.message.offset,
    'dlq-failed-at': new Date().toISOString(),
  }
}

/** Sends the record, unchanged, to its topic's DLQ with the reason in headers; resolves once the broker acked. */
export async function sendToDlq(producer: Producer, letter: DeadLetter): Promise<void> {
  await producer.send({
    topic: dlqTopicOf(letter.topic),
    acks: -1,
    messages: [
      {
        key: letter.message.key,
        value: letter.message.value,
        headers: { ...letter.message.headers, ...dlqHeaders(letter) },
      },
    ],
  })
}

/** The original headers of a dead letter, without the `dlq-*` ones. */
export function withoutDlqHeaders(headers: IHeaders | undefined): IHeaders {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => !name.startsWith(DLQ_PREFIX)))
}
