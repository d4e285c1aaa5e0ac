import { join } from 'node:path'
import { type StackService, testEnv } from './env'

const stackScript = join(import.meta.dir, '../../stack/bin/stack')

async function stack(...args: string[]): Promise<void> {
  const child = Bun.spawn(['bash', stackScript, ...args], { stdout: 'ignore', stderr: 'inherit' })
  const code = await child.exited
  if (code !== 0) throw new Error(`stack ${args.join(' ')} exited with ${code}`)
}

const answers = (url: string) =>
  fetch(`${url}/health/live`, { signal: AbortSignal.timeout(1000) }).then(
    () => true,
    () => false,
  )

/**
 * Stops the stack's instance of `service` while a test file runs its own instance with another configuration (its own
 * PG, a 2 s payment window): both would share the consumer group and the leased jobs, and the stack's jobs would act
 * on the test's rows with the stack's settings. Resolves to a function that starts it again (when it was running).
 */
export async function standAside(service: StackService): Promise<() => Promise<void>> {
  if (!(await answers(testEnv().serviceUrl(service)))) return async () => undefined
  await stack('stop-service', service)
  return () => stack('start-service', service)
}
