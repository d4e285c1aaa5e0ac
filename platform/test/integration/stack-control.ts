import { join } from 'node:path'

const stackScript = join(import.meta.dir, '../../stack/bin/stack')

/** Drives the real stack script, as an operator would: `stack kill connect`, `stack start connect`. */
export async function stack(...args: string[]): Promise<void> {
  const child = Bun.spawn(['bash', stackScript, ...args], { stdout: 'inherit', stderr: 'inherit' })
  const code = await child.exited
  if (code !== 0) throw new Error(`stack ${args.join(' ')} exited with ${code}`)
}

/** Runs a lab script (`../lab/<script>`) as its own process; disposing stops it with SIGTERM, `crash` is SIGKILL. */
export function spawnLabProcess(script: string, env: Record<string, string>) {
  const child = Bun.spawn(['bun', join(import.meta.dir, '../lab', script)], {
    env: { ...process.env, ...env },
    stdout: 'ignore',
    stderr: 'inherit',
  })
  const stop = async () => {
    child.kill('SIGTERM')
    await child.exited
  }
  const crash = async () => {
    child.kill('SIGKILL')
    await child.exited
  }
  return { pid: child.pid, exited: child.exited, stop, crash, [Symbol.asyncDispose]: stop }
}

/** Starts the lab consumer as its own process (the skeleton's "other service"). */
export const spawnLabConsumer = (groupId: string, env: Record<string, string>) =>
  spawnLabProcess('consumer-main.ts', { ...env, LAB_GROUP_ID: groupId })
