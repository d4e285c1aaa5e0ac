import { AssignerProtocol } from 'kafkajs'
import { type KafkaClient, withAdmin } from './client'

/** One partition a group has committed on: where it stands, where the log ends, and the difference. */
export interface GroupPartitionLag {
  topic: string
  partition: number
  /** The next offset the group will read; -1 when it never committed here. */
  committed: string
  end: string
  /** end − committed (the whole log when it never committed). */
  lag: number
}

export interface GroupMember {
  memberId: string
  clientId: string
  host: string
  /** Partitions assigned to this member, as `topic:partition`. */
  assigned: string[]
}

/** A consumer group as an operator sees it: state, members, per-partition lag. */
export interface ConsumerGroupView {
  groupId: string
  state: string
  protocolType: string
  members: GroupMember[]
  partitions: GroupPartitionLag[]
  totalLag: number
}

type Admin = Parameters<Parameters<typeof withAdmin>[1]>[0]

function assignedOf(assignment: Buffer): string[] {
  if (assignment.length === 0) return []
  const decoded = AssignerProtocol.MemberAssignment.decode(assignment)
  return Object.entries(decoded?.assignment ?? {}).flatMap(([topic, partitions]) =>
    partitions.map((p) => `${topic}:${p}`),
  )
}

/** End offsets of `topics` that exist: `topic:partition` → high watermark. */
async function endsOf(admin: Admin, topics: string[]): Promise<Map<string, bigint>> {
  const ends = new Map<string, bigint>()
  const offsets = await Promise.all(topics.map(async (topic) => ({ topic, of: await admin.fetchTopicOffsets(topic) })))
  for (const { topic, of } of offsets) for (const o of of) ends.set(`${topic}:${o.partition}`, BigInt(o.high))
  return ends
}

type Committed = Awaited<ReturnType<Admin['fetchOffsets']>>

function lagsOf(committed: Committed, endOf: Map<string, bigint>): GroupPartitionLag[] {
  return committed.flatMap(({ topic, partitions }) =>
    partitions.flatMap((p): GroupPartitionLag[] => {
      const end = endOf.get(`${topic}:${p.partition}`)
      if (end === undefined) return []
      const at = BigInt(p.offset)
      const lag = at < 0n ? end : end > at ? end - at : 0n
      return [{ topic, partition: p.partition, committed: p.offset, end: end.toString(), lag: Number(lag) }]
    }),
  )
}

/**
 * Every consumer group of the cluster (or those named) with members, committed offsets, end offsets and lag, through
 * one admin connection. Topic end offsets are fetched once however many groups read the topic.
 */
export async function describeConsumerGroups(kafka: KafkaClient, only?: string[]): Promise<ConsumerGroupView[]> {
  return withAdmin(kafka, async (admin) => {
    const listed = (await admin.listGroups()).groups.filter((g) => !only || only.includes(g.groupId))
    if (listed.length === 0) return []
    const [described, existing] = await Promise.all([
      admin.describeGroups(listed.map((g) => g.groupId)),
      admin.listTopics(),
    ])
    const committed = await Promise.all(listed.map((g) => admin.fetchOffsets({ groupId: g.groupId })))
    const topics = new Set(committed.flatMap((c) => c.map((t) => t.topic)).filter((t) => existing.includes(t)))
    const endOf = await endsOf(admin, [...topics])
    const views: ConsumerGroupView[] = []
    for (const group of described.groups) {
      const index = listed.findIndex((g) => g.groupId === group.groupId)
      const partitions = lagsOf(committed[index] ?? [], endOf)
      views.push({
        groupId: group.groupId,
        state: group.state,
        protocolType: group.protocolType,
        members: group.members.map((m) => ({
          memberId: m.memberId,
          clientId: m.clientId,
          host: m.clientHost.replace(/^\//, ''),
          assigned: group.protocolType === 'consumer' ? assignedOf(m.memberAssignment) : [],
        })),
        partitions,
        totalLag: partitions.reduce((sum, p) => sum + p.lag, 0),
      })
    }
    return views.sort((a, b) => a.groupId.localeCompare(b.groupId))
  })
}
