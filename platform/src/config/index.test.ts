import { describe, expect, test } from 'bun:test'
import { Type } from '@sinclair/typebox'
import { ConfigError, HttpEnv, loadConfig, MariaDbEnv } from './index'

const properties = { ...HttpEnv, ...MariaDbEnv }
const valid = { PORT: '3000', SERVICE_NAME: 'order', MARIADB_URL: 'mysql://u:p@localhost:3306/orders' }

function configErrorOf(run: () => unknown): ConfigError | undefined {
  try {
    run()
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  return undefined
}

describe('loadConfig', () => {
  test('when optional keys are missing, then defaults apply and numbers are converted from strings', () => {
    const config = loadConfig(properties, valid)

    expect(config).toEqual({
      PORT: 3000,
      HTTP_HOST: '127.0.0.1',
      SERVICE_NAME: 'order',
      LOG_LEVEL: 'info',
      HTTP_ACCESS_LOG: false,
      MARIADB_URL: 'mysql://u:p@localhost:3306/orders',
      MARIADB_POOL_SIZE: 10,
    })
  })

  test('when keys are given, then they override defaults and unknown env keys are left out', () => {
    const config = loadConfig(properties, {
      ...valid,
      LOG_LEVEL: 'debug',
      HTTP_ACCESS_LOG: 'true',
      MARIADB_POOL_SIZE: '4',
      HOME: '/root',
    })

    expect(config).toEqual({
      PORT: 3000,
      HTTP_HOST: '127.0.0.1',
      SERVICE_NAME: 'order',
      LOG_LEVEL: 'debug',
      HTTP_ACCESS_LOG: true,
      MARIADB_URL: 'mysql://u:p@localhost:3306/orders',
      MARIADB_POOL_SIZE: 4,
    })
  })

  test('when the config is loaded, then the result is frozen', () => {
    const config = loadConfig({ FLAG: Type.String({ default: 'on' }) }, {})

    expect(Object.isFrozen(config)).toBe(true)
  })

  test('when several keys are wrong or missing, then one ConfigError lists every problem', () => {
    const env = { PORT: 'eighty', LOG_LEVEL: 'loud', MARIADB_URL: 'postgres://db' }

    const error = configErrorOf(() => loadConfig(properties, env))
    const lines = error?.message.split('\n') ?? []

    expect({
      name: error?.name,
      heading: lines[0],
      keys: [...new Set(lines.slice(1).map((line) => line.trim().split(':')[0]))].sort(),
    }).toEqual({
      name: 'ConfigError',
      heading: 'Invalid configuration:',
      keys: ['LOG_LEVEL', 'MARIADB_URL', 'PORT', 'SERVICE_NAME'],
    })
  })
})
