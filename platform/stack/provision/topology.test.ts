import { describe, expect, test } from 'bun:test'
import {
  CDC_USER,
  loginsFromEnv,
  METRICS_USER,
  passwordKey,
  requiredPasswordKeys,
  serviceDatabases,
  serviceDbUrl,
  serviceUser,
  topicSettingsFromEnv,
} from './topology'

const auth = serviceDatabases.find((db) => db.service === 'auth')
if (!auth) throw new Error('auth has a database')
const endpoints = { mariadbHost: 'mariadb', mariadbPort: 3306, kafkaBrokers: '', connectUrl: '' }

describe('loginsFromEnv', () => {
  test('when the environment names no password, then the dev logins (the local stack)', () => {
    const logins = loginsFromEnv({})
    expect(logins.service(auth)).toEqual(serviceUser(auth))
    expect(logins.cdc).toEqual(CDC_USER)
    expect(logins.metrics).toEqual(METRICS_USER)
  })

  test('when it names one, then that login uses it and the others keep theirs', () => {
    const logins = loginsFromEnv({ AUTH_MARIADB_PASSWORD: 's3cret', CDC_MARIADB_PASSWORD: 'cdc-s3cret' })
    expect(logins.service(auth)).toEqual({ user: 'auth', password: 's3cret' })
    expect(logins.cdc).toEqual({ user: 'cdc', password: 'cdc-s3cret' })
    expect(logins.metrics).toEqual(METRICS_USER)
  })

  test('when passwords are required (prod), then every missing key is named and nothing falls back', () => {
    const deployed = [...serviceDatabases.filter((db) => !db.testOnly).map((db) => db.service), 'cdc', 'exporter']
    expect(requiredPasswordKeys().sort()).toEqual(deployed.map(passwordKey).sort())
    const env = Object.fromEntries(requiredPasswordKeys().map((key) => [key, `${key}-value`]))
    const logins = loginsFromEnv({ ...env, PROVISION_REQUIRE_PASSWORDS: 'true' })
    expect(logins.service(auth).password).toBe('AUTH_MARIADB_PASSWORD-value')
    // The lab (tests only) is still created, under a random password rather than its published dev one.
    const lab = serviceDatabases.find((db) => db.testOnly)
    if (!lab) throw new Error('the lab database is test-only')
    expect(logins.service(lab).password).not.toBe(serviceUser(lab).password)
    expect(logins.service(lab).password.length).toBeGreaterThanOrEqual(32)
    // …the same one each time it is asked for: provisioning creates the user, then logs in as it to migrate.
    expect(logins.service(lab).password).toBe(logins.service(lab).password)
    const { CDC_MARIADB_PASSWORD: _, ...withoutCdc } = env
    expect(() => loginsFromEnv({ ...withoutCdc, PROVISION_REQUIRE_PASSWORDS: 'true' })).toThrow('CDC_MARIADB_PASSWORD')
  })

  test('a password with URL characters still makes a URL mysql2 reads back', () => {
    const url = new URL(serviceDbUrl(auth, endpoints, { user: 'auth', password: 'p@ss:w/rd%' }))
    expect(decodeURIComponent(url.password)).toBe('p@ss:w/rd%')
    expect(url.pathname).toBe('/commerce_auth')
  })
})

describe('topicSettingsFromEnv', () => {
  test('when nothing is set, then the broker decides (one broker locally)', () => {
    expect(topicSettingsFromEnv({})).toEqual({})
  })

  test('when replication and min in-sync are set (prod: 3 and 2), then topics are created with both', () => {
    expect(topicSettingsFromEnv({ TOPIC_REPLICATION_FACTOR: '3', TOPIC_MIN_INSYNC_REPLICAS: '2' })).toEqual({
      replicationFactor: 3,
      configs: { 'min.insync.replicas': '2' },
    })
  })

  test('when a value is not a positive integer or min in-sync exceeds replication, then it refuses', () => {
    expect(() => topicSettingsFromEnv({ TOPIC_REPLICATION_FACTOR: 'three' })).toThrow('TOPIC_REPLICATION_FACTOR')
    expect(() => topicSettingsFromEnv({ TOPIC_MIN_INSYNC_REPLICAS: '0' })).toThrow('TOPIC_MIN_INSYNC_REPLICAS')
    expect(() => topicSettingsFromEnv({ TOPIC_REPLICATION_FACTOR: '1', TOPIC_MIN_INSYNC_REPLICAS: '2' })).toThrow(
      'exceeds',
    )
  })
})
