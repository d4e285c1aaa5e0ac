import { Elysia, t } from 'elysia'
import { ok } from '../../http/envelope'
import { httpKit } from '../../http/http-kit'
import { connectorStates } from '../connect'
import type { OpsDeps } from '../deps'
import { consumerGroups } from '../use-cases/consumer-groups'
import { readDeadLetters, replayDeadLetters, resolveDlqTopic, summarizeDlqs } from '../use-cases/dead-letters'

const ReplayBody = t.Object({
  /** The DLQ (`commerce.order.events.dlq`) or the topic it belongs to. */
  topic: t.String({ minLength: 1, maxLength: 249 }),
  type: t.Optional(t.String({ minLength: 1, maxLength: 200 })),
  reason: t.Optional(t.String({ minLength: 1, maxLength: 100 })),
  /** One record: both partition and offset. */
  partition: t.Optional(t.Integer({ minimum: 0, maximum: 100_000 })),
  offset: t.Optional(t.String({ pattern: '^[0-9]{1,19}$' })),
})

const recordOf = (body: { partition?: number | undefined; offset?: string | undefined }) =>
  body.partition !== undefined && body.offset !== undefined
    ? { partition: body.partition, offset: body.offset }
    : undefined

/** The JSON API behind the console and the CLI (admin-only through adminGate). */
export const opsRoutes = (deps: OpsDeps) =>
  new Elysia({ prefix: '/api/ops' })
    .use(httpKit)
    .get('/connectors', async () => ok(await connectorStates(deps.connectUrl, deps.timeoutMs)), {
      detail: { summary: 'Kafka Connect connectors and their tasks, with states' },
    })
    .get('/consumer-groups', async () => ok(await consumerGroups(deps)), {
      detail: { summary: 'Every consumer group: members, committed and end offsets, lag per partition' },
    })
    .get(
      '/dlq',
      async ({ query }) => {
        const topic = query.topic ? await resolveDlqTopic(deps, query.topic) : undefined
        return ok(await readDeadLetters(deps, topic))
      },
      {
        query: t.Object({ topic: t.Optional(t.String({ minLength: 1, maxLength: 249 })) }),
        detail: { summary: 'Dead letters of every *.dlq topic (or one): reason, consumer, origin, type, status' },
      },
    )
    .get('/dlq/topics', async () => ok(await summarizeDlqs(deps)), {
      detail: { summary: 'Every *.dlq topic with its record and pending counts (no records read)' },
    })
    .post(
      '/dlq/replay',
      async ({ body }) =>
        ok(
          await replayDeadLetters(deps, {
            topic: body.topic,
            type: body.type,
            reason: body.reason,
            record: recordOf(body),
          }),
        ),
      { body: ReplayBody, detail: { summary: 'Move dead letters back to their topics; counts moved, kept, pending' } },
    )
