import { describe, expect, test } from 'bun:test'
import { localStackUrls, parseEnvLines, stackDefaults, stackUrls } from '../../stack/defaults'

describe('stack defaults', () => {
  test('when defaults.env-style text is parsed, then comments and blank lines are skipped and values kept whole', () => {
    expect(parseEnvLines('# ports\n\nMARIADB_PORT=3307\nURL=http://a/b?c=d\n')).toEqual({
      MARIADB_PORT: '3307',
      URL: 'http://a/b?c=d',
    })
  })

  test('when a line is not KEY=VALUE, then parsing fails and names the line', () => {
    expect(() => parseEnvLines('MARIADB_PORT 3307')).toThrow('not a KEY=VALUE line: MARIADB_PORT 3307')
  })

  test('when nothing is set, then the URLs use the ports of defaults.env', () => {
    const { MARIADB_PORT, REDIS_PORT, KAFKA_PORT, CONNECT_PORT } = stackDefaults
    expect(stackUrls({})).toEqual({
      mariadbAdminUrl: `mysql://root@127.0.0.1:${MARIADB_PORT}`,
      redisUrl: `redis://127.0.0.1:${REDIS_PORT}`,
      kafkaBrokers: `127.0.0.1:${KAFKA_PORT}`,
      connectUrl: `http://127.0.0.1:${CONNECT_PORT}`,
    })
  })

  test('when a URL variable is set, then it wins; when only a port is set, then the local URL uses that port', () => {
    const env = { KAFKA_BROKERS: 'kafka:29092', MARIADB_PORT: '4407' }
    expect({ urls: stackUrls(env), local: localStackUrls(env).kafkaBrokers }).toEqual({
      urls: { ...stackUrls({}), kafkaBrokers: 'kafka:29092', mariadbAdminUrl: 'mysql://root@127.0.0.1:4407' },
      local: `127.0.0.1:${stackDefaults.KAFKA_PORT}`,
    })
  })
})
