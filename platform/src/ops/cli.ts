// `npm run dlq -- list [topic] [--json] [--all]` and `npm run dlq -- replay <topic> [--type T] [--reason R] [--record P:O]`:
// the console's DLQ tooling from a shell, on the same use cases as its API (config from the stack's .stack/env).
import { parseArgs } from 'node:util'
import { KafkaEnv } from '../config/fragments'
import { loadConfig } from '../config/index'
import type { DeadLetterView } from '../kafka/index'
import { createKafka } from '../kafka/index'
import { createLogger } from '../log/index'
import type { KafkaDeps } from './deps'
import { renderTable } from './table'
import { readDeadLetters, replayDeadLetters, resolveDlqTopic, summarizeDlqs } from './use-cases/dead-letters'

const usage = `usage: npm run dlq -- list [topic] [--json] [--all]
       npm run dlq -- replay <topic> [--type T] [--reason R] [--record PARTITION:OFFSET] [--json]
  topic: commerce.order.events or commerce.order.events.dlq`

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    all: { type: 'boolean', default: false },
    type: { type: 'string' },
    reason: { type: 'string' },
    record: { type: 'string' },
  },
})

function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(2)
}

const config = loadConfig(KafkaEnv)
const logger = createLogger({ tool: 'dlq' }, 'warn')
// The CLI only calls Kafka: Connect and auth are the console's business.
const deps: KafkaDeps = {
  kafka: createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'dlq-cli', logger }),
  timeoutMs: 30_000,
}

const print = (text: string) => process.stdout.write(`${text}\n`)
const short = (text: string | null, max: number) =>
  !text ? '' : text.length > max ? `${text.slice(0, max - 1)}…` : text

function letterRows(letters: DeadLetterView[]): string[][] {
  return letters.map((l) => [
    `${l.partition}:${l.offset}`,
    l.status,
    l.reason ?? '',
    l.consumer ?? '',
    l.originalTopic ? `${l.originalTopic}[${l.originalPartition}]@${l.originalOffset}` : '',
    l.type ?? '',
    l.eventId ?? '',
    l.failedAt ?? '',
    short(l.rejectionReason ?? l.error, 80),
  ])
}

async function list(topicArg: string | undefined) {
  const topic = topicArg ? await resolveDlqTopic(deps, topicArg) : undefined
  const { topics, letters } = await readDeadLetters(deps, topic)
  const shown = values.all ? letters : letters.filter((l) => l.status === 'pending')
  if (values.json) return print(JSON.stringify({ topics, letters: shown }, null, 2))
  print(
    renderTable(
      ['dlq topic', 'records', 'pending'],
      topics.map((t) => [t.topic, String(t.total), String(t.pending)]),
    ),
  )
  if (shown.length === 0) return print(`\nno ${values.all ? '' : 'pending '}dead letters`)
  for (const dlq of new Set(shown.map((l) => l.dlqTopic))) {
    print(`\n${dlq}${values.all ? '' : ' (pending; --all for replayed ones too)'}`)
    const headers = ['record', 'status', 'reason', 'consumer', 'original', 'type', 'event id', 'failed at', 'why']
    print(renderTable(headers, letterRows(shown.filter((l) => l.dlqTopic === dlq))))
  }
}

function recordArg(text: string | undefined) {
  if (text === undefined) return undefined
  const match = /^(\d+):(\d+)$/.exec(text)
  if (!match?.[1] || !match[2]) fail(`--record wants PARTITION:OFFSET, not '${text}'`)
  return { partition: Number(match[1]), offset: match[2] }
}

async function replay(topicArg: string | undefined) {
  if (!topicArg) fail(usage)
  const record = recordArg(values.record)
  const topic = await resolveDlqTopic(deps, topicArg)
  const before = await summarizeDlqs(deps, topic)
  print(`${topic}: ${before[0]?.pending ?? 0} pending before the replay`)
  const result = await replayDeadLetters(deps, { topic, type: values.type, reason: values.reason, record })
  if (values.json) return print(JSON.stringify(result))
  print(`moved back to their topics: ${result.moved}; kept in the DLQ (left out by the filter): ${result.kept}`)
  print(`${topic}: ${result.pendingAfter} pending after the replay`)
}

const [command, topic] = positionals
try {
  if (command === 'list') await list(topic)
  else if (command === 'replay') await replay(topic)
  else fail(usage)
} catch (error) {
  fail(`dlq ${command}: ${error instanceof Error ? error.message : String(error)}`)
}
