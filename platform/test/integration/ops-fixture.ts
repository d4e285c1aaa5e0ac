import { deleteTopics, dlqTopicOf, ensureTopics, type KafkaClient } from '../../src/kafka'
import { createLogger } from '../../src/log'
import { createOpsApp } from '../../src/ops/app'
import { freshName, testEnv } from '../../src/testing'
import { stackDefaults } from '../../stack/defaults'

/** The operator console in-process on port 0, against the stack's Kafka, Connect and auth (its JWKS, its login). */
export function startOpsConsole(kafka: KafkaClient) {
  const env = testEnv()
  const app = createOpsApp({
    kafka,
    connectUrl: env.connectUrl,
    auth: {
      jwksUrl: `${env.serviceUrl('auth')}/.well-known/jwks.json`,
      issuer: process.env['AUTH_JWT_ISSUER'] ?? stackDefaults.AUTH_JWT_ISSUER,
      audience: process.env['AUTH_JWT_AUDIENCE'] ?? stackDefaults.AUTH_JWT_AUDIENCE,
    },
    loginUrl: `${env.gatewayUrl}/api/auth/login`,
    timeoutMs: 10_000,
    logger: createLogger({ test: 'ops' }, 'warn'),
    saga: {
      services: (['order', 'inventory', 'payment', 'catalog', 'user', 'auth'] as const).map((name) => ({
        name,
        baseUrl: env.serviceUrl(name),
      })),
      serviceTimeoutMs: 3_000,
      dlq: { perPartition: 2_000, timeoutMs: 10_000 },
    },
  }).listen({ port: 0, hostname: '127.0.0.1' })
  const url = `http://127.0.0.1:${app.server?.port}`
  return {
    url,
    [Symbol.asyncDispose]: async () => {
      await app.stop()
    },
  }
}

/** A fresh event topic and its DLQ (one partition each), deleted again when disposed. */
export async function scratchTopics(kafka: KafkaClient, name: string) {
  const topic = `commerce.${freshName(name).replaceAll('-', '')}.events`
  const dlq = dlqTopicOf(topic)
  await ensureTopics(kafka, [
    { topic, partitions: 1 },
    { topic: dlq, partitions: 1 },
  ])
  return { topic, dlq, [Symbol.asyncDispose]: () => deleteTopics(kafka, [topic, dlq]) }
}

/** The demo admin `npm run up` seeds (defaults.env, or the environment). */
export const demoAdmin = () => ({
  email: process.env['ADMIN_EMAIL'] ?? stackDefaults.ADMIN_EMAIL,
  password: process.env['ADMIN_PASSWORD'] ?? stackDefaults.ADMIN_PASSWORD,
})
