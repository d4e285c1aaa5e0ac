import { describe, expect, test } from 'bun:test'
import { type CpuSample, groupOf, meanCores } from './cpu-sampler'

describe('groupOf', () => {
  test('when a command line is a service, a piece of infrastructure or the load suite, then it lands in its group', () => {
    expect([
      groupOf('bun services/order//src/main.ts'),
      groupOf('/usr/sbin/mariadbd --port=3307'),
      groupOf('java -Xmx1g kafka.Kafka config/server.properties'),
      groupOf('node /x/artillery/node_modules/artillery/bin/run run script.json'),
      groupOf('bun load/run.ts breakpoint'),
    ]).toEqual(['service order', 'mariadb', 'kafka', 'load generator', 'load generator'])
  })

  test('when a command line is none of those, then it is "other" named by its program', () => {
    expect(groupOf('/usr/bin/chromium --headless')).toBe('other: chromium')
  })
})

describe('meanCores', () => {
  test('when groups are sampled, then each gets its mean over all samples, busiest first', () => {
    const samples: CpuSample[] = [
      { at: 0, cores: { kafka: 0.2, mariadb: 0.1 } },
      { at: 2000, cores: { kafka: 0.4 } },
    ]

    expect(meanCores(samples)).toEqual([
      ['kafka', expect.closeTo(0.3, 5)],
      ['mariadb', expect.closeTo(0.05, 5)],
    ])
  })
})
