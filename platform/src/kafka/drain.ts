import { type KafkaClient, kafkaOf } from './client'

/** How fast a plain consumer reads a topic: when it joined its group, the last arrival (`performance.now()` ms), count. */
export interface DrainTiming {
  count: number
  joinedAt: number
  lastAt: number
}

/**
 * Reads `topic` from the beginning with a fresh group and a handler that does nothing, until `count` records arrived:
 * the baseline a benchmark holds the consumer runner against (same client library, same fetch settings).
 */
export async function drainTopic(kafka: KafkaClient, options: { topic: string; count: number }): Promise<DrainTiming> {
  const groupId = `drain-${crypto.randomUUID()}`
  const consumer = kafkaOf(kafka).consumer({ groupId, maxWaitTimeInMs: 1000, allowAutoTopicCreation: false })
  const timing: DrainTiming = { count: 0, joinedAt: 0, lastAt: 0 }
  const done = Promise.withResolvers<DrainTiming>()
  await consumer.connect()
  try {
    // From the join, not the first batch: with few partitions most records come in the first fetches.
    consumer.on(consumer.events.GROUP_JOIN, () => {
      timing.joinedAt = performance.now()
    })
    await consumer.subscribe({ topics: [options.topic], fromBeginning: true })
    await consumer.run({
      partitionsConsumedConcurrently: 3,
      eachBatch: async ({ batch }) => {
        timing.count += batch.messages.length
        timing.lastAt = performance.now()
        if (timing.count >= options.count) done.resolve(timing)
      },
    })
    return await done.promise
  } finally {
    await consumer.disconnect()
  }
}
