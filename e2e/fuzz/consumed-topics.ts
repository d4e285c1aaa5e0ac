import { join } from 'node:path'

// Who consumes what, read from the AsyncAPI document (docs/asyncapi.yaml, generated from contracts/subscriptions.ts):
// each consuming service's group, the topics it reads and the event types it handles, with an example of each.

/** A CloudEvent as the example in the document carries it. */
export interface ExampleEvent {
  id: string
  type: string
  data: Record<string, unknown>
  [attribute: string]: unknown
}

export interface ConsumedTopic {
  topic: string
  /** Consumer group (the service's name) → the event types it handles on this topic, each with an example event. */
  groups: Map<string, ExampleEvent[]>
}

interface AsyncApi {
  operations: Record<string, { action: string; channel: { $ref: string }; messages: { $ref: string }[] }>
  components: { messages: Record<string, { examples?: { payload: ExampleEvent }[] }> }
}

/** Every topic some service consumes, with its consuming groups and their handled types. */
export async function consumedTopics(): Promise<ConsumedTopic[]> {
  const document = Bun.YAML.parse(await Bun.file(join(import.meta.dir, '../../docs/asyncapi.yaml')).text()) as AsyncApi
  const topics = new Map<string, ConsumedTopic>()
  for (const [name, operation] of Object.entries(document.operations)) {
    if (operation.action !== 'receive') continue
    const group = name.split('.')[0] ?? name
    const topic = operation.channel.$ref.split('/').at(-1) ?? ''
    const examples = operation.messages.map((m) => {
      const message = document.components.messages[m.$ref.split('/').at(-1) ?? '']
      const payload = message?.examples?.[0]?.payload
      if (!payload) throw new Error(`asyncapi: no example for ${m.$ref}`)
      return payload
    })
    const entry = topics.get(topic) ?? { topic, groups: new Map() }
    entry.groups.set(group, examples)
    topics.set(topic, entry)
  }
  return [...topics.values()]
}
