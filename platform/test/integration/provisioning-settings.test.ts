// What a deployment's provision Job relies on beyond the local stack's defaults: logins with the passwords its Secret
// names (and rotated when the Secret changes), and topics created with explicit replication and min in-sync replicas.
// Scratch users and a scratch topic only: the stack's own `cdc` login is never touched (Debezium is using it).
import { describe, expect, test } from 'bun:test'
import { createConnection } from 'mysql2/promise'
import { createKafka, deleteTopics, ensureTopics, topicConfig } from '../../src/kafka/client'
import { testEnv } from '../../src/testing'
import { createDatabasesAndUsers } from '../../stack/provision/databases'
import { type DatabaseLogins, type ServiceDatabase, topicSettingsFromEnv } from '../../stack/provision/topology'

const env = testEnv()
const run = Date.now().toString(36)
const scratch: ServiceDatabase = {
  service: `prov${run}`,
  database: `commerce_prov${run}`,
  serverId: 0,
  migrations: '',
}
const logins = (password: string): DatabaseLogins => ({
  service: (db) => ({ user: db.service, password }),
  cdc: { user: `cdc${run}`, password },
  metrics: { user: `exp${run}`, password },
})
const admin = new URL(env.mariadbAdminUrl)
const canLogIn = async (user: string, password: string) => {
  const connection = await createConnection({ host: admin.hostname, port: Number(admin.port), user, password }).catch(
    () => undefined,
  )
  await connection?.end()
  return connection !== undefined
}

describe('provisioning with a deployment’s settings', () => {
  test('when the Secret names passwords, then each login uses its own; when it changes, re-provisioning rotates it', async () => {
    const root = await createConnection({ uri: env.mariadbAdminUrl })
    try {
      await createDatabasesAndUsers(root, [scratch], logins('first-Pass-1'))
      for (const user of [scratch.service, `cdc${run}`, `exp${run}`])
        expect(await canLogIn(user, 'first-Pass-1')).toBe(true)

      await createDatabasesAndUsers(root, [scratch], logins('second-Pass-2'))
      expect(await canLogIn(scratch.service, 'second-Pass-2')).toBe(true)
      expect(await canLogIn(scratch.service, 'first-Pass-1')).toBe(false)
      expect(await canLogIn(`cdc${run}`, 'second-Pass-2')).toBe(true)
    } finally {
      for (const user of [scratch.service, `cdc${run}`, `exp${run}`])
        await root.query('DROP USER IF EXISTS ?@?', [user, '%'])
      await root.query(`DROP DATABASE IF EXISTS \`${scratch.database}\``)
      await root.end()
    }
  })

  test('when replication and min in-sync replicas are set, then a new topic carries them; an existing one is left alone', async () => {
    const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: 'provisioning-settings-test' })
    const topic = `provisioning-settings.${run}`
    const minInSync = async () => (await topicConfig(kafka, topic, ['min.insync.replicas']))['min.insync.replicas']
    try {
      // One broker here, so replication 1 and min in-sync 1 — not the broker default, which is unset (reported as 1)…
      const settings = topicSettingsFromEnv({ TOPIC_REPLICATION_FACTOR: '1', TOPIC_MIN_INSYNC_REPLICAS: '1' })
      // …so the check uses 2, which Kafka accepts at creation (acks=all writes to it would be refused).
      await ensureTopics(kafka, [{ topic, partitions: 1 }], { ...settings, configs: { 'min.insync.replicas': '2' } })
      expect(await minInSync()).toBe('2')

      // Existing topics are never altered by provisioning.
      await ensureTopics(kafka, [{ topic, partitions: 1 }], settings)
      expect(await minInSync()).toBe('2')
    } finally {
      await deleteTopics(kafka, [topic])
    }
  })
})
