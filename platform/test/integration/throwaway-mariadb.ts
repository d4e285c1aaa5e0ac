import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createConnection } from 'mysql2/promise'
import { eventually } from '../../src/testing'

// Small InnoDB files and buffer pool: the server answers a few queries and goes; this keeps it at a few seconds.
const small = ['--innodb-log-file-size=4M', '--innodb-buffer-pool-size=16M']

/** A port nobody listens on right now (the OS picks it). */
function freePort(): number {
  const listener = Bun.listen({ hostname: '127.0.0.1', port: 0, socket: { data() {} } })
  const { port } = listener
  listener.stop(true)
  return port
}

async function run(command: string[]): Promise<string> {
  const child = Bun.spawn(command, { stdout: 'pipe', stderr: 'pipe' })
  if ((await child.exited) !== 0) {
    throw new Error(`${command[0]} failed: ${await new Response(child.stderr).text()}`)
  }
  return (await new Response(child.stdout).text()).trim()
}

/** Installs the system tables into `datadir`, then starts a server on it without a binlog. */
async function installAndStart(dir: string, user: string, port: number) {
  const datadir = join(dir, 'data')
  await run([
    'mariadb-install-db',
    '--no-defaults',
    `--datadir=${datadir}`,
    user,
    '--skip-test-db',
    '--auth-root-authentication-method=normal',
    ...small,
  ])
  const binary = Bun.which('mariadbd') ?? '/usr/sbin/mariadbd'
  const files = [`--socket=${join(dir, 'mariadb.sock')}`, `--pid-file=${join(dir, 'mariadb.pid')}`]
  const network = [`--port=${port}`, '--bind-address=127.0.0.1', '--skip-name-resolve']
  const log = `--log-error=${join(dir, 'error.log')}`
  return Bun.spawn(
    [binary, '--no-defaults', `--datadir=${datadir}`, user, ...files, ...network, '--skip-log-bin', log, ...small],
    {
      stdout: 'ignore',
      stderr: 'ignore',
    },
  )
}

/**
 * Starts a MariaDB server of its own, without a binlog, in a fresh temp directory on a free port: the kind of
 * server provisioning must refuse, independent of what the machine runs. Disposing stops it and deletes its files.
 */
export async function startMariadbWithoutBinlog() {
  const dir = await mkdtemp(join(tmpdir(), 'mariadb-nobinlog-'))
  const port = freePort()
  const url = `mysql://root@127.0.0.1:${port}`
  let server: Bun.Subprocess | undefined
  const stop = async () => {
    server?.kill('SIGTERM')
    await server?.exited
    await rm(dir, { recursive: true, force: true })
  }
  try {
    // mariadbd refuses to run as root unless told to, and chowns its files to this user.
    const started = await installAndStart(dir, `--user=${await run(['id', '-un'])}`, port)
    server = started
    await eventually(
      async () => {
        if (started.exitCode !== null) throw new Error(`mariadbd exited with ${started.exitCode} (${dir}/error.log)`)
        await (await createConnection({ uri: url })).end()
        return true
      },
      { timeoutMs: 20_000, intervalMs: 50, what: `throwaway MariaDB on port ${port} accepts connections` },
    )
  } catch (error) {
    await stop()
    throw error
  }
  return { url, where: `127.0.0.1:${port}`, [Symbol.asyncDispose]: stop }
}
