import { Gauge, type Registry } from 'prom-client'
import { describeConsumerGroups } from '../kafka/index'
import type { Logger } from '../log/index'
import { bounded } from './bounded'
import { connectorStates } from './connect'
import type { OpsDeps } from './deps'
import { summarizeDlqs } from './use-cases/dead-letters'

const names = [
  'kafka_consumergroup_lag',
  'dlq_pending_records',
  'connect_connector_running',
  'connect_task_running',
] as const

/** Runs one family's refresh; a source that fails or is slow leaves that family empty for this scrape (and logs why). */
async function refresh(gauge: Gauge, at: { logger: Logger; fill: () => Promise<void> }) {
  const metric = (gauge as unknown as { name: string }).name
  gauge.reset()
  try {
    await at.fill()
  } catch (error) {
    gauge.reset()
    at.logger.warn('ops metric could not be computed', { metric, error })
  }
}

/**
 * The ops exporter's gauges (common13 metric catalog), computed on scrape from the Kafka admin API and Connect's REST
 * API, each bounded by `timeoutMs`. Registered on `registry`; registering twice replaces the earlier ones.
 */
export function registerOpsMetrics(registry: Registry, deps: OpsDeps): void {
  for (const name of names) registry.removeSingleMetric(name)
  const ms = deps.timeoutMs
  const { logger } = deps
  new Gauge({
    name: 'kafka_consumergroup_lag',
    help: 'Records a consumer group has not read yet, per partition (high watermark − committed offset)',
    labelNames: ['group', 'topic', 'partition'] as const,
    registers: [registry],
    async collect() {
      await refresh(this, {
        logger,
        fill: async () => {
          for (const group of await bounded(describeConsumerGroups(deps.kafka), { ms, what: 'Kafka' })) {
            for (const p of group.partitions) {
              this.set({ group: group.groupId, topic: p.topic, partition: String(p.partition) }, p.lag)
            }
          }
        },
      })
    },
  })
  new Gauge({
    name: 'dlq_pending_records',
    help: 'Dead letters the DLQ replay group has not passed yet, per DLQ topic',
    labelNames: ['topic'] as const,
    registers: [registry],
    async collect() {
      await refresh(this, {
        logger,
        fill: async () => {
          for (const dlq of await summarizeDlqs(deps)) this.set({ topic: dlq.topic }, dlq.pending)
        },
      })
    },
  })
  registerConnectMetrics(registry, deps)
}

function registerConnectMetrics(registry: Registry, deps: OpsDeps) {
  const states = () => connectorStates(deps.connectUrl, deps.timeoutMs)
  new Gauge({
    name: 'connect_connector_running',
    help: '1 when the Kafka Connect connector is RUNNING, else 0',
    labelNames: ['connector'] as const,
    registers: [registry],
    async collect() {
      await refresh(this, {
        logger: deps.logger,
        fill: async () => {
          for (const c of await states()) this.set({ connector: c.name }, c.state === 'RUNNING' ? 1 : 0)
        },
      })
    },
  })
  new Gauge({
    name: 'connect_task_running',
    help: '1 when the connector task is RUNNING, else 0',
    labelNames: ['connector', 'task'] as const,
    registers: [registry],
    async collect() {
      await refresh(this, {
        logger: deps.logger,
        fill: async () => {
          for (const c of await states()) {
            for (const t of c.tasks) this.set({ connector: c.name, task: String(t.id) }, t.state === 'RUNNING' ? 1 : 0)
          }
        },
      })
    },
  })
}
