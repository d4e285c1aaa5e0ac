import { describe, expect, test } from 'bun:test'
import { createKafka, listDeadLetters, produce } from '../../src/kafka'
import { freshName, testEnv } from '../../src/testing'
import { scratchTopics } from './ops-fixture'

const kafka = createKafka({ brokers: testEnv().kafkaBrokers, clientId: freshName('dlq-list') })

const letter = (n: number) => ({
  key: `k${n}`,
  value: JSON.stringify({ id: `e${n}`, type: 'lab.note.created', time: '2026-12-05T00:00:00.000Z' }),
  headers: {
    'dlq-reason': 'rejected',
    'dlq-rejection-reason': 'unknown-note',
    'dlq-consumer': 'lab',
    'dlq-original-topic': 'commerce.lab.events',
    'dlq-original-partition': '0',
    'dlq-original-offset': String(n),
  },
})

describe('listDeadLetters', () => {
  test('when a DLQ holds more letters than asked for, then the newest of each partition are read, oldest first', async () => {
    await using scratch = await scratchTopics(kafka, 'dlqlist')
    await produce(kafka, scratch.dlq, [1, 2, 3].map(letter))

    const newest = await listDeadLetters(kafka, scratch.dlq, { newestPerPartition: 2 })

    expect(newest.map((l) => [l.offset, l.eventId, l.originalOffset, l.rejectionReason, l.status])).toEqual([
      ['1', 'e2', '2', 'unknown-note', 'pending'],
      ['2', 'e3', '3', 'unknown-note', 'pending'],
    ])
  })
})
