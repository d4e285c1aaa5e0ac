// `npm run saga -- <orderId> [--json]`: one order's saga timeline, collected directly (no ops server needed).
import { parseArgs } from 'node:util'
import { createKafka } from '../../kafka/client'
import { createLogger } from '../../log/index'
import { sagaSources, sagaTimeline } from './collect'
import { loadSagaCliConfig, sagaSettingsOf } from './config'
import { formatTimeline } from './format'
import { isUnknown } from './timeline'

const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' } } })
const orderId = positionals[0]
if (!orderId || !/^[A-Za-z0-9._:-]{1,255}$/.test(orderId)) {
  process.stderr.write('usage: npm run saga -- <orderId> [--json]\n')
  process.exit(2)
}
const config = loadSagaCliConfig()
const logger = createLogger({ component: 'saga-cli' }, { level: config.LOG_LEVEL, destination: process.stderr })
const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'saga-cli', logger })
const timeline = await sagaTimeline(sagaSources(sagaSettingsOf(config), { kafka, logger }), orderId)
process.stdout.write(values.json ? `${JSON.stringify(timeline, null, 2)}\n` : formatTimeline(timeline))
// Exit 1 when nobody knows the order (like the route's 404), so scripts can tell.
process.exitCode = isUnknown(timeline) ? 1 : 0
