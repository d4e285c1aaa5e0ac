import type { Consumer } from 'kafkajs'
import { consumerGroupLag } from '../metrics/index'

/** The `consumer_group_lag` series of one consumer group on this member; see `trackGroupLag`. */
export interface GroupLag {
  /** Records of `topic`/`partition` from `next` up to the fetch's high watermark are not consumed yet. */
  set(at: { topic: string; partition: number; highWatermark: string }, next: string): void
  /** Drops every series of this member (the consumer stopped: its partitions are someone else's). */
  clear(): void
}

type LagLabels = { group: string; topic: string; partition: string }
/** This member's series, by topic and partition. */
export type LagSeries = Map<string, LagLabels>

const key = (topic: string, partition: number | string) => `${topic}\u0000${partition}`

/** Removes the series of partitions not in `assignment` (topic → partitions), as a rebalance hands them elsewhere. */
export function dropRevoked(series: LagSeries, assignment: Record<string, number[]>): void {
  const assigned = new Set(
    Object.entries(assignment).flatMap(([topic, partitions]) => partitions.map((p) => key(topic, p))),
  )
  for (const [k, labels] of series) {
    if (assigned.has(k)) continue
    consumerGroupLag.remove(labels)
    series.delete(k)
  }
}

/**
 * Lag per assigned partition from what the consumer already knows: the high watermark each fetch carries and the
 * offset it has just committed (no admin round trip). Series of partitions this member lost in a rebalance are removed,
 * so a partition is reported by its current owner only.
 */
export function trackGroupLag(consumer: Consumer, group: string): GroupLag {
  const series: LagSeries = new Map()
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => dropRevoked(series, payload.memberAssignment))
  return {
    set({ topic, partition, highWatermark }, next) {
      const labels = { group, topic, partition: String(partition) }
      series.set(key(topic, partition), labels)
      const behind = BigInt(highWatermark) - BigInt(next)
      consumerGroupLag.set(labels, behind > 0n ? Number(behind) : 0)
    },
    clear() {
      for (const labels of series.values()) consumerGroupLag.remove(labels)
      series.clear()
    },
  }
}
