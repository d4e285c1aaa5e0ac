import { join } from 'node:path'

const stackScript = join(import.meta.dir, '../../stack/bin/stack')

/** Drives the real stack script, as an operator would: `stack kill connect`, `stack start connect`. */
export async function stack(...args: string[]): Promise<void> {
  const child = Bun.spawn(['bash', stackScript, ...args], { stdout: 'inherit', stderr: 'inherit' })
  const code = await child.exited
  if (code !== 0) throw new Error(`stack ${args.join(' ')} exited with ${code}`)
}

/** Starts the lab consumer as its own process (the skeleton's "other service"); disposing stops it with SIGTERM. */
export function spawnLabConsumer(groupId: string, env: Record<string, string>) {
  const child = Bun.spawn(['bun', join(import.meta.dir, '../lab/consumer-main.ts')], {
    env: { ...process.env, ...env, LAB_GROUP_ID: groupId },
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
