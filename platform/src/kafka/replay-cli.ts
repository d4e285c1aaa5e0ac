// Moves dead letters back to their topics: bun platform/src/kafka/replay-cli.ts <dlq-topic> [--limit N] [--reason R]...
import { parseArgs } from 'node:util'
import { KafkaEnv } from '../config/fragments'
import { loadConfig } from '../config/index'
import { createLogger } from '../log/index'
import { createKafka } from './client'
import { replayDlq } from './replay'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { limit: { type: 'string' }, reason: { type: 'string', multiple: true } },
})
const dlqTopic = positionals[0]
if (!dlqTopic?.endsWith('.dlq')) {
  process.stderr.write('usage: replay-cli <topic>.dlq [--limit N] [--reason contract-violation|rejected|…]\n')
  process.exit(2)
}
const config = loadConfig(KafkaEnv)
const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'dlq-replay', logger: createLogger() })
const result = await replayDlq({
  kafka,
  dlqTopic,
  ...(values.limit ? { limit: Number(values.limit) } : {}),
  ...(values.reason ? { reasons: values.reason } : {}),
})
process.stdout.write(`${JSON.stringify({ dlqTopic, ...result })}\n`)
