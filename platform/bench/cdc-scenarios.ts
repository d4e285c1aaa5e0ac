// The layouts and settings the CDC layout benchmark compares, as connectors on the benchmark's own Connect worker:
// same databases and outbox tables as the stack's, but their own server ids, topic prefixes and bench-only topics.
import { deleteConnector, putConnector, waitUntilRunning } from '../stack/provision/connect-client'
import { type CdcTuning, outboxConnectorConfig } from '../stack/provision/connector-config'
import {
  type CdcSource,
  heartbeatTopic,
  type StackEndpoints,
  schemaHistoryTopic,
  serviceDatabases,
} from '../stack/provision/topology'

export const LAYOUTS = ['per-database', 'per-server'] as const
export type Layout = (typeof LAYOUTS)[number]

/** Named settings (BENCH_SETTINGS picks among them). `pN`: poll.interval.ms=N with 512-record batches (the stack's
 *  batch size before); `b1pN`: batches of one record, poll.interval.ms=N; `default`: Debezium's defaults. */
export const SETTINGS: Record<string, CdcTuning> = {
  p1: { pollIntervalMs: 1, maxBatchSize: 512 },
  p5: { pollIntervalMs: 5, maxBatchSize: 512 },
  p10: { pollIntervalMs: 10, maxBatchSize: 512 },
  p20: { pollIntervalMs: 20, maxBatchSize: 512 },
  b1p20: { pollIntervalMs: 20, maxBatchSize: 1 },
  b1p500: { pollIntervalMs: 500, maxBatchSize: 1 },
  b1p1000: { pollIntervalMs: 1000, maxBatchSize: 1 },
  default: { pollIntervalMs: 500, maxBatchSize: 2048 },
}

/** One benchmark run's names: everything it creates carries `runId`, so parallel runs and leftovers never collide. */
export function benchNames(runId: string) {
  return {
    /** Every topic of this run starts with it. */
    topicPrefix: `bench.${runId}.`,
    eventsTopic: (service: string) => `bench.${runId}.${service}.events`,
    baselineTopic: `bench.${runId}.broker-baseline`,
    sources(layout: Layout): CdcSource[] {
      // Server ids must be unique among the server's replicas: far above the stack's 54xx, random per run.
      const base = 600_000 + Math.floor(Math.random() * 1_000_000) * 10
      if (layout === 'per-server') {
        return [
          {
            name: `bench-${runId}-mariadb`,
            serverId: base,
            topicPrefix: `bench.${runId}.mariadb`,
            databases: serviceDatabases,
          },
        ]
      }
      return serviceDatabases.map((db, i) => ({
        name: `bench-${runId}-${db.database}`,
        serverId: base + 1 + i,
        topicPrefix: `bench.${runId}.${db.database}`,
        databases: [db],
      }))
    },
  }
}

export type BenchNames = ReturnType<typeof benchNames>

/** Topics a layout needs before its connectors start (auto-creation is off): its heartbeat topics. */
export const layoutTopics = (sources: CdcSource[]) => sources.map((s) => ({ topic: heartbeatTopic(s), partitions: 1 }))

/** Topics to delete after a layout: heartbeats and the schema history Debezium created. */
export const layoutLeftovers = (sources: CdcSource[]) =>
  sources.flatMap((s) => [heartbeatTopic(s), schemaHistoryTopic(s)])

function benchConfig(source: CdcSource, setup: { endpoints: StackEndpoints; names: BenchNames }, tuning: CdcTuning) {
  return {
    ...outboxConnectorConfig(source, setup.endpoints, tuning),
    // Streaming only: a benchmark must not republish every outbox row into its topics at each registration.
    'snapshot.mode': 'no_data',
    // Other people's tests write outbox rows of aggregate types nobody listed: Connect creates their bench topics
    // (KIP-158) instead of blocking the task on a missing one; the bench deletes bench.<runId>.* afterwards.
    'topic.creation.default.replication.factor': '1',
    'topic.creation.default.partitions': '1',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Debezium placeholder, filled by the EventRouter
    'transforms.outbox.route.topic.replacement': setup.names.eventsTopic('${routedByValue}'),
  }
}

/** Registers (or reconfigures: Connect restarts the tasks, offsets stay) the layout's connectors and waits for them. */
export async function applySetting(
  workerUrl: string,
  setup: { sources: CdcSource[]; endpoints: StackEndpoints; names: BenchNames },
  tuning: CdcTuning,
): Promise<void> {
  for (const source of setup.sources) {
    await putConnector(workerUrl, source.name, benchConfig(source, setup, tuning))
  }
  // A reconfigured task may still report the old RUNNING state for a moment: wait for the restart to show first.
  await Bun.sleep(2000)
  await Promise.all(setup.sources.map((s) => waitUntilRunning(workerUrl, s.name, 120_000)))
}

export async function removeLayout(workerUrl: string, sources: CdcSource[]): Promise<void> {
  for (const source of sources) await deleteConnector(workerUrl, source.name)
}
