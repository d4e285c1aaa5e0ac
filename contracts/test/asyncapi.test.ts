import { describe, expect, test } from 'bun:test'
import { DiagnosticSeverity, Parser } from '@asyncapi/parser'
import { asyncApiPath, asyncApiText, regenerateCommand } from '../scripts/asyncapi-document'
import { messageId } from '../scripts/asyncapi-messages'
import { allEvents, parseEnvelope, subscriptions } from '../src/index'

const committed = await Bun.file(asyncApiPath).text()

describe('docs/asyncapi.yaml', () => {
  test('is what contracts/ generate now', async () => {
    const fresh = committed === (await asyncApiText())
    expect(fresh ? 'fresh' : `stale: run \`${regenerateCommand}\` and commit docs/asyncapi.yaml`).toBe('fresh')
  })

  // The official parser loads its whole ruleset (Spectral) on first use: seconds of CPU, hence its own timeout.
  test(
    'the official AsyncAPI parser reads it as AsyncAPI 3.0.0 without error diagnostics',
    async () => {
      const { document, diagnostics } = await new Parser().parse(committed)
      const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error)

      expect({
        errors: errors.map((d) => `${d.code} at ${d.path.join('/')}: ${d.message}`),
        version: document?.version(),
        messages: document?.components().messages().length,
      }).toEqual({ errors: [], version: '3.0.0', messages: allEvents.length + 1 })
    },
    { timeout: 60_000 },
  )
})

describe('the generated document', () => {
  const document = Bun.YAML.parse(committed) as {
    channels: Record<string, { messages: Record<string, unknown> }>
    operations: Record<string, { action: string; messages: { $ref: string }[] }>
    components: { messages: Record<string, { examples: { payload: unknown }[] }> }
  }

  test.each(allEvents.map((def) => [`${def.type} v${def.version}`, def] as const))(
    '%s is a message of its topic whose fixture example passes parseEnvelope and its schema',
    (_, def) => {
      const example = document.components.messages[messageId(def)]?.examples[0]?.payload
      const envelope = parseEnvelope(example)

      expect({
        onTopic: messageId(def) in (document.channels[def.topic]?.messages ?? {}),
        data: def.parse(envelope.data),
        routing: [envelope.type, envelope.dataschema],
      }).toEqual({ onTopic: true, data: envelope.data, routing: [def.type, def.dataschema] })
    },
  )

  test('its receive operations list exactly the subscriptions contracts declare', () => {
    const received = Object.entries(document.operations)
      .filter(([, op]) => op.action === 'receive')
      .flatMap(([id, op]) => op.messages.map((m) => `${id.split('.')[0]} ${m.$ref.split('/').at(-1)}`))
    const declared = Object.entries(subscriptions).flatMap(([service, defs]) =>
      defs.map((def) => `${service} ${messageId(def)}`),
    )

    expect(received.sort()).toEqual(declared.sort())
  })
})
