import { describeError } from '../../errors/describe'
import type { KafkaClient } from '../../kafka/client'
import { listTopics, scanTopics } from '../../kafka/scan'
import type { Logger } from '../../log/index'
import type { ServiceSagaView } from '../../service/saga-view'
import { createServiceClient, type ServiceClient } from '../../service-client/index'
import type { SagaSettings } from './config'
import { deadLetterEntry, dlqTopicPattern } from './dead-letters'
import { buildTimeline, type SagaEntry, type SagaTimeline, type ServiceAnswer } from './timeline'

/** What the timeline is collected from: a client per service, the cluster for the DLQs, the scan bounds. */
export interface SagaSources {
  services: { name: string; client: ServiceClient }[]
  kafka: KafkaClient
  dlq: SagaSettings['dlq']
  logger: Logger
}

/** One client per service (breaker and metrics per name), made once per server or CLI run. */
export function sagaSources(settings: SagaSettings, at: { kafka: KafkaClient; logger: Logger }): SagaSources {
  const services = settings.services.map(({ name, baseUrl }) => ({
    name,
    client: createServiceClient({
      name: `saga-${name}`,
      baseUrl,
      timeoutMs: settings.serviceTimeoutMs,
      // One try: a service that does not answer is shown as unavailable; the operator asks again.
      retries: 0,
      logger: at.logger,
    }),
  }))
  return { services, kafka: at.kafka, dlq: settings.dlq, logger: at.logger }
}

async function askService(service: SagaSources['services'][number], correlationId: string): Promise<ServiceAnswer> {
  try {
    const view = await service.client.get<ServiceSagaView>(`/internal/saga/${encodeURIComponent(correlationId)}`)
    return { service: service.name, view }
  } catch (error) {
    return { service: service.name, error: describeError(error) }
  }
}

async function scanDeadLetters(
  sources: SagaSources,
  correlationId: string,
): Promise<{ entries: SagaEntry[]; scan: SagaTimeline['deadLetters'] }> {
  try {
    const topics = await listTopics(sources.kafka, dlqTopicPattern)
    const { records, complete } = await scanTopics(sources.kafka, { topics, ...sources.dlq })
    const entries = records.flatMap((r) => deadLetterEntry(r, correlationId) ?? [])
    return { entries, scan: { topics, scanned: records.length, complete } }
  } catch (error) {
    sources.logger.warn('saga timeline: the DLQ scan failed', { error: describeError(error) })
    return { entries: [], scan: { topics: [], scanned: 0, complete: false, error: describeError(error) } }
  }
}

/**
 * One order's saga across services: every service's view (`GET /internal/saga/:id`, in parallel) and the dead letters
 * that carry its correlation id, merged in causal order. A service that does not answer is marked unavailable.
 */
export async function sagaTimeline(sources: SagaSources, orderId: string): Promise<SagaTimeline> {
  const [answers, deadLetters] = await Promise.all([
    Promise.all(sources.services.map((s) => askService(s, orderId))),
    scanDeadLetters(sources, orderId),
  ])
  return buildTimeline({ orderId, answers, deadLetters: deadLetters.entries, scan: deadLetters.scan })
}
