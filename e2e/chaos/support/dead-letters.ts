import { endOffsets, listTopics, type PartitionOffset } from '@commerce/platform/kafka'
import { chaosKafka } from './stack'

/** Where every dead-letter topic ends now. */
export async function deadLetterEnds(): Promise<PartitionOffset[]> {
  return endOffsets(chaosKafka, await listTopics(chaosKafka, /\.dlq$/))
}

/** Dead-letter partitions that received records since `before` was taken, as `topic:partition +n`. */
export async function deadLettersSince(before: PartitionOffset[]): Promise<string[]> {
  const now = await deadLetterEnds()
  return now.flatMap((end) => {
    const was = before.find((b) => b.topic === end.topic && b.partition === end.partition)?.offset ?? 0n
    return end.offset > was ? [`${end.topic}:${end.partition} +${end.offset - was}`] : []
  })
}
