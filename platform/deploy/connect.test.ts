import { describe, expect, test } from 'bun:test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { stackDefaults } from '../stack/defaults'

const root = join(import.meta.dir, '../..')
const read = (path: string) => readFileSync(join(root, path), 'utf8')

/** A shell text's calls of `command` as [NAME, POM file name, extra args...], with `\` continuations joined. */
function calls(text: string, command: string): string[][] {
  const joined = text.replace(/\\\n\s*/g, ' ')
  return [...joined.matchAll(new RegExp(`^\\s*(?:RUN\\s+)?${command}\\s+(.+)$`, 'gm'))].map((m) => {
    const [name = '', pom = '', ...args] = (m[1] ?? '').trim().split(/\s+/)
    return [name, pom.replaceAll('"', '').split('/').at(-1) ?? '', ...args]
  })
}

describe('the Connect image (Dockerfile.connect)', () => {
  const dockerfile = read('platform/deploy/Dockerfile.connect')
  const local = calls(read('platform/stack/lib/tools.sh'), 'fetch_jars')
  const image = calls(dockerfile, 'fetch-jars.sh')

  test('fetches the same jar folders from the same POMs with the same arguments as the local stack', () => {
    expect(local.length).toBeGreaterThanOrEqual(4)
    // The broker's jars are the local stack's Kafka; the image runs Connect only (the broker is Redpanda).
    expect(image).toEqual(local.filter(([name]) => name !== 'broker'))
  })

  test('its plugin list equals the local stack’s', () => {
    const plugins = (list: string[][]) => list.map(([name]) => name).filter((name) => name?.startsWith('plugins/'))
    expect(plugins(image)).toEqual(['plugins/debezium-connector-mariadb'])
    expect(plugins(image)).toEqual(plugins(local))
  })

  test('builds Connect and Debezium at the versions of defaults.env', () => {
    expect(dockerfile).toContain(`ARG CONNECT_VERSION=${stackDefaults.CONNECT_VERSION}\n`)
    expect(dockerfile).toContain(`ARG DEBEZIUM_VERSION=${stackDefaults.DEBEZIUM_VERSION}\n`)
    expect(dockerfile).toContain(`ARG KAFKA_VERSION=${stackDefaults.KAFKA_VERSION}\n`)
  })

  test('runs the local stack’s worker configuration and the same Maven call', () => {
    expect(dockerfile).toContain('COPY platform/stack/maven maven')
    expect(dockerfile).toContain('platform/stack/conf/connect.properties')
    const fetch = read('platform/deploy/connect/fetch-jars.sh')
    const localMvn = /mvn -q -B -f "\$pom"[^>]*-DincludeScope=runtime/.exec(
      read('platform/stack/lib/tools.sh').replace(/\\\n\s*/g, ' '),
    )?.[0]
    expect(localMvn).toBeDefined()
    expect(fetch.replace(/\\\n\s*/g, ' ')).toContain(localMvn ?? '')
    expect(read('platform/deploy/connect/entrypoint.sh')).toContain('plugin.path=/opt/connect/plugins')
  })
})
