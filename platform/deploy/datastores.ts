// What compose.yaml and k8s/ run beside our own images, from one place: the broker's and datastores' images and the
// server settings the local stack gives them (platform/stack/conf/my.cnf), so the three ways to run the platform
// cannot drift apart.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Pinned third-party images (never `latest`): the same in compose.yaml and the Kubernetes manifests. */
export const DATASTORE_IMAGES = {
  redpanda: 'docker.redpanda.com/redpandadata/redpanda:v24.3.7',
  mariadb: 'mariadb:11.4.5',
  redis: 'redis:7.4.2',
} as const

/** my.cnf keys that describe this machine's stack (paths, port, bind address, OS user), not the server's behaviour. */
const perMachine = new Set(['datadir', 'socket', 'pid-file', 'port', 'bind-address', 'user', 'log_bin'])

/**
 * The local stack's MariaDB server settings (platform/stack/conf/my.cnf) as the official image's command-line flags:
 * ROW binlog with full row images for Debezium, UTC, utf8mb4. The binlog goes to the image's data directory.
 */
export function mariadbServerArgs(): string[] {
  const cnf = readFileSync(join(import.meta.dir, '../stack/conf/my.cnf'), 'utf8')
  const flags = cnf
    .split('\n')
    .filter((line) => /^[a-z_-]+=/.test(line))
    .map((line) => line.split('='))
    .filter(([key]) => !perMachine.has(key ?? ''))
    .map(([key, value]) => `--${key?.replaceAll('_', '-')}=${value}`)
  return ['--log-bin=binlog', ...flags]
}

/**
 * Redis with an append-only file fsynced every second and no RDB snapshots: the stock counters survive a restart
 * (the local stack's redis.conf does the same).
 */
export const REDIS_ARGS = ['--appendonly', 'yes', '--appendfsync', 'everysec', '--save', ''] as const
