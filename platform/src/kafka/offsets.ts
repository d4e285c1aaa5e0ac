import { type KafkaClient, kafkaOf, withAdmin } from './client'

/** A position in one partition: the offset of the next record to read (or to be written, for an end offset). */
export interface PartitionOffset {
  topic: string
  partition: number
  offset: bigint
}

/** End offsets (the next offset to be written) of every partition of `topics`. */
export async function endOffsets(kafka: KafkaClient, topics: string[]): Promise<PartitionOffset[]> {
  return withAdmin(kafka, async (admin) => {
    const ends: PartitionOffset[] = []
    for (const topic of topics) {
      for (const o of await admin.fetchTopicOffsets(topic)) {
        ends.push({ topic, partition: o.partition, offset: BigInt(o.high) })
      }
    }
    return ends
  })
}

/** Where `groupId` stands on every partition of `topics`; -1 where it never committed. */
export async function committedOffsets(
  kafka: KafkaClient,
  groupId: string,
  topics: string[],
): Promise<PartitionOffset[]> {
  return withAdmin(kafka, async (admin) => {
    const committed = await admin.fetchOffsets({ groupId, topics })
    return committed.flatMap(({ topic, partitions }) =>
      partitions.map((p) => ({ topic, partition: p.partition, offset: BigInt(p.offset) })),
    )
  })
}

/**
 * Commits `offsets` for a group no member is running, so its consumers start exactly there.
 * (KafkaJS's admin.setOffsets does the same but blocks for a full 5 s fetch wait while it leaves the group.)
 */
export async function commitGroupOffsets(
  kafka: KafkaClient,
  groupId: string,
  offsets: PartitionOffset[],
): Promise<void> {
  const topics = [...new Set(offsets.map((o) => o.topic))]
  const consumer = kafkaOf(kafka).consumer({ groupId, maxWaitTimeInMs: 50, allowAutoTopicCreation: false })
  await consumer.connect()
  try {
    await consumer.subscribe({ topics })
    const joined = Promise.withResolvers<void>()
    consumer.on(consumer.events.GROUP_JOIN, () => joined.resolve())
    await consumer.run({ autoCommit: false, eachMessage: async () => {} })
    await joined.promise
    consumer.pause(topics.map((topic) => ({ topic })))
    await consumer.commitOffsets(
      offsets.map((o) => ({ topic: o.topic, partition: o.partition, offset: o.offset.toString() })),
    )
  } finally {
    await consumer.disconnect()
  }
}

/** Positions a new group at the topics' current end, so it reads only what is written from now on. */
export async function positionGroupAtEnd(
  kafka: KafkaClient,
  groupId: string,
  topics: string[],
): Promise<PartitionOffset[]> {
  // Read back: right after a topic is created, a consumer can join before it sees the topic's partitions, and its
  // commit is then silently lost; the group would start from the beginning instead of the end.
  for (let attempt = 1; ; attempt++) {
    const ends = await endOffsets(kafka, topics)
    await commitGroupOffsets(kafka, groupId, ends)
    const committed = await committedOffsets(kafka, groupId, topics)
    const stands = (end: PartitionOffset) =>
      committed.some((c) => c.topic === end.topic && c.partition === end.partition && c.offset === end.offset)
    if (ends.length > 0 && ends.every(stands)) return ends
    if (attempt === 5) throw new Error(`could not position group ${groupId} at the end of ${topics.join(', ')}`)
  }
}
