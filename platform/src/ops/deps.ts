import type { JwtAuthOptions } from '../http/access-token'
import type { KafkaClient } from '../kafka/client'
import type { Logger } from '../log/index'

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
}
