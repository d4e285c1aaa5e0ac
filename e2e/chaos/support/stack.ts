import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { subscriptions } from '@commerce/contracts'
import { createKafka, describeConsumerGroups } from '@commerce/platform/kafka'
import { eventually, testEnv } from '@commerce/platform/testing'
import { chaosConfig } from './config'

/** The infrastructure pieces `stack start|stop|kill` knows (platform/stack/README.md). */
export type Component = 'mariadb' | 'redis' | 'kafka' | 'connect'

/** The services the saga runs through; each runs under the stack's restart loop. */
export const sagaServices = ['auth', 'user', 'catalog', 'inventory', 'order', 'payment'] as const
export type SagaService = (typeof sagaServices)[number]

const stack = testEnv()

/** `bash platform/stack/bin/stack <args>` against the shared stack; throws with its output when it fails. */
export const stackCommand = (...args: string[]) => stackScript('stack', args)

/** Runs `platform/stack/bin/<script> args` from the repo root against the shared stack; its stdout, or throws. */
async function stackScript(script: 'stack' | 'run', args: string[]): Promise<string> {
  const child = Bun.spawn(['bash', `${chaosConfig.root}/platform/stack/bin/${script}`, ...args], {
    cwd: chaosConfig.root,
    env: { ...Bun.env, STACK_DIR: chaosConfig.STACK_DIR },
    stdout: 'pipe',
    stderr: 'pipe',
  })
  const [code, out, err] = await Promise.all([child.exited, new Response(child.stdout).text(), child.stderr.text()])
  if (code !== 0) throw new Error(`${script} ${args.join(' ')} exited ${code}: ${out}${err}`)
  return out.trim()
}

/** The pid the stack recorded for a process (`run/<name>.pid`). */
function recordedPid(name: string): number {
  return Number(readFileSync(`${chaosConfig.STACK_DIR}/run/${name}.pid`, 'utf8').trim())
}

/** The service process itself: the child of its restart loop (the recorded pid is the loop's shell). */
export function servicePid(service: SagaService): number {
  const loop = recordedPid(`svc-${service}`)
  const children = readFileSync(`/proc/${loop}/task/${loop}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)
  const pid = Number(children[0])
  if (!pid) throw new Error(`${service}: its restart loop (pid ${loop}) runs no process`)
  return pid
}

const serviceUrl = (service: SagaService) => stack.serviceUrl(service)

async function isReady(service: SagaService): Promise<boolean> {
  try {
    return (await fetch(`${serviceUrl(service)}/health/ready`, { signal: AbortSignal.timeout(2000) })).ok
  } catch {
    return false
  }
}

/** SIGKILL of one service's process; its restart loop starts it again. Resolves once the new process is ready. */
export async function killService(service: SagaService): Promise<void> {
  const victim = servicePid(service)
  process.kill(victim, 'SIGKILL')
  await eventually(
    async () => {
      let now: number
      try {
        now = servicePid(service)
      } catch {
        return false
      }
      return now !== victim && (await isReady(service))
    },
    { what: `${service} restarted and ready`, timeoutMs: 90_000, intervalMs: 250 },
  )
}

/** SIGKILL of an infrastructure process (what a crash or an OOM kill looks like), then `stack start` again. */
export async function crashAndStart(component: Component): Promise<void> {
  await stackCommand('kill', component)
  await stackCommand('start', component)
}

/** A MariaDB restart: a clean shutdown (SIGTERM, as an upgrade or a host reboot does), then `stack start`. */
export async function restartMariadb(): Promise<void> {
  await stackCommand('stop', 'mariadb')
  await stackCommand('start', 'mariadb')
}

/** Redis lost entirely: stopped, its data directory (the AOF) emptied, started again with nothing in it. */
export async function wipeRedis(): Promise<void> {
  await stackCommand('stop', 'redis')
  const dir = `${chaosConfig.STACK_DIR}/redis`
  for (const entry of readdirSync(dir)) rmSync(`${dir}/${entry}`, { recursive: true, force: true })
  await stackCommand('start', 'redis')
}

/** The operator's rebuild (`npm run inventory -- rebuild --if-empty`, services/inventory README "Operations"). */
export const rebuildInventory = () =>
  stackScript('run', ['bun', 'services/inventory/src/cli.ts', 'rebuild', '--if-empty'])

const connectUrl = () => stack.connectUrl

/** Every Debezium connector and its tasks RUNNING. */
async function connectorsRunning(): Promise<boolean> {
  const reply = await fetch(`${connectUrl()}/connectors?expand=status`, { signal: AbortSignal.timeout(3000) })
  if (!reply.ok) return false
  const connectors = Object.values(
    (await reply.json()) as Record<string, { status: { connector: { state: string }; tasks: { state: string }[] } }>,
  )
  return (
    connectors.length > 0 &&
    connectors.every(
      ({ status }) =>
        status.connector.state === 'RUNNING' &&
        status.tasks.length > 0 &&
        status.tasks.every((t) => t.state === 'RUNNING'),
    )
  )
}

const kafka = createKafka({ brokers: stack.kafkaBrokers, clientId: 'chaos-tier' })

/** The consumer groups of the services that consume events (each service's group is its name). */
const consumerGroups = Object.keys(subscriptions)

/** Each consuming service's group: Stable, with a member, nothing left to read. */
async function consumersCaughtUp(): Promise<string | true> {
  const groups = await describeConsumerGroups(kafka, consumerGroups)
  const behind = consumerGroups.filter((name) => {
    const group = groups.find((g) => g.groupId === name)
    return group?.state !== 'Stable' || group.members.length === 0 || group.totalLag > 0
  })
  return behind.length === 0 || `consumer groups not caught up: ${behind.join(', ')}`
}

/** Why the stack is not yet what the next step needs (undefined: it is): services ready, connectors RUNNING, and
 * with `caughtUp` every saga consumer group stable and at the end of its topics. */
async function notHealthy(caughtUp: boolean): Promise<string | undefined> {
  const unready = (await Promise.all(sagaServices.map(async (s) => ((await isReady(s)) ? [] : [s])))).flat()
  if (unready.length > 0) return `not ready: ${unready.join(', ')}`
  if (!(await connectorsRunning())) return 'a Debezium connector or task is not RUNNING'
  if (!caughtUp) return undefined
  const groups = await consumersCaughtUp()
  return groups === true ? undefined : groups
}

async function waitHealthy(caughtUp: boolean, timeoutMs: number): Promise<void> {
  let why: string | undefined
  await eventually(
    async () => {
      why = await notHealthy(caughtUp)
      return why === undefined
    },
    { what: caughtUp ? 'the stack healthy and caught up' : 'the stack recovered', timeoutMs, intervalMs: 500 },
  ).catch((error: unknown) => {
    throw new Error(`${why ?? 'unreachable'}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    })
  })
}

/** Recovered: every saga service ready and every connector and task RUNNING (sagas may still be catching up). */
export const stackRecovered = (timeoutMs = 120_000) => waitHealthy(false, timeoutMs)

/** As healthy as the next run and the next tier need it: recovered, and every saga consumer group caught up. */
export const stackHealthy = (timeoutMs = 120_000) => waitHealthy(true, timeoutMs)

/** The Kafka client the checks share (closed by nothing: one per test process). */
export const chaosKafka = kafka
