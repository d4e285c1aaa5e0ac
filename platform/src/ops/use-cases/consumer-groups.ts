import { type ConsumerGroupView, describeConsumerGroups } from '../../kafka/index'
import { bounded } from '../bounded'
import type { KafkaDeps } from '../deps'

/** Every consumer group with members and per-partition lag, bounded by the upstream timeout. */
export const consumerGroups = (deps: KafkaDeps): Promise<ConsumerGroupView[]> =>
  bounded(describeConsumerGroups(deps.kafka), { ms: deps.timeoutMs, what: 'Kafka' })
