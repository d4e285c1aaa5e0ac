import type { JwtAuthOptions } from '../http/access-token'
import type { KafkaClient } from '../kafka/client'
import type { Logger } from '../log/index'
import type { SagaSettings } from './saga/config'

/** What the ops console works with: the cluster, Connect's REST API, and how admins are recognised. */
export interface OpsDeps {
  kafka: KafkaClient
  connectUrl: string
  auth: JwtAuthOptions
  /** auth's login (through the gateway): the console's form is proxied there. */
  loginUrl: string
  /** Bound on each call to Kafka or Connect. */
  timeoutMs: number
  logger: Logger
  /** Where the saga timeline asks each service (`SagaEnv`). */
  saga: SagaSettings
}

/** What the DLQ and consumer-group use cases need (the CLI has no more). */
export type KafkaDeps = Pick<OpsDeps, 'kafka' | 'timeoutMs'>
