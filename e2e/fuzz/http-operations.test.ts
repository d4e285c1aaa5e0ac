import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { tokenFor } from '@commerce/platform/testing'
import fc from 'fast-check'
import { registerBuyer } from '../src/actors'
import { e2eConfig } from '../src/config'
import { fuzzConfig, seedFor } from './config'
import { describeOperation, type Operation, operationsOf, type Service, services } from './operations'
import { type Answer, type FuzzRun, type Identity, inParallel, isRejected, problemWith, send, sentSoFar } from './probe'
import { randomRequests } from './random-requests'
import { rejectedCases } from './rejected-cases'
import { closeWrittenReader, eventsCausedBy, writableRows } from './written'

// Every operation of every service's OpenAPI document, fuzzed (issue 14 §3): never a 5xx, every refusal in the
// envelope with a code, and a refused request writes nothing. The seed is printed; FUZZ_SEED=<it> replays the run.

const identitiesAll: Identity[] = ['anonymous', 'buyer', 'admin']
const operations = new Map<Service, Operation[]>()
const refused = new Set<string>()
let run: FuzzRun
let userIds: number[]

const subOf = (token: string): number =>
  Number(JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()).sub)

beforeAll(async () => {
  console.log(
    `fuzz seed ${fuzzConfig.seed} (replay: FUZZ_SEED=${fuzzConfig.seed}), ${fuzzConfig.runsPerOperation} runs per operation`,
  )
  // The run's own buyer and its own admin (a credential with role ADMIN no one else uses): their rows are its rows.
  const [buyer, adminToken] = await Promise.all([registerBuyer(), tokenFor(e2eConfig.urls.auth, ['ADMIN'])])
  const hex = () => Math.floor(Math.random() * 0xffff).toString(16)
  run = {
    tag: `fuzz-${Date.now().toString(36)}`,
    tokens: { buyer: buyer.token, admin: adminToken },
    clientAddress: `2001:db8::${hex()}:${hex()}:${hex()}`,
  }
  userIds = [buyer.userId, subOf(adminToken)]
  for (const service of services) operations.set(service, await operationsOf(service))
})

afterAll(async () => {
  console.log(`fuzz: ${sentSoFar()} requests, ${refused.size} refused (seed ${fuzzConfig.seed})`)
  await closeWrittenReader()
})

function noted(answer: Answer): Answer {
  if (isRejected(answer)) refused.add(answer.requestId)
  return answer
}

/** A DELETE of `/…/me` ends the buyer (withdrawal): the random phase leaves the buyer out of it. */
const endsTheBuyer = (op: Operation) => op.method === 'DELETE' && op.path.endsWith('/me')

/** Random valid input as admin could change real data where no path id pins it to nothing: reads and by-id routes only. */
function randomIdentities(op: Operation): Identity[] {
  const pinned = op.method === 'GET' || op.params.some((p) => p.in === 'path' && p.name !== 'correlationId')
  return identitiesAll.filter((who) => !(who === 'admin' && !pinned) && !(who === 'buyer' && endsTheBuyer(op)))
}

async function refusesBadInput(op: Operation): Promise<string[]> {
  const cases = rejectedCases(op)
  const sends = cases.flatMap((c, i) =>
    // Buyer and admin each reach the validation of their routes; anonymous for the first few.
    (i < 3 ? identitiesAll : (['buyer', 'admin'] as const)).map((identity) => ({ ...c, identity })),
  )
  const problems = await inParallel(sends, 6, async (request) => {
    const answer = noted(await send(run, op, request))
    const problem = problemWith(answer) ?? (isRejected(answer) ? undefined : `${answer.status}, not refused`)
    return problem && `${describeOperation(op)} [${request.label}, ${request.identity}]: ${problem}`
  })
  return problems.filter((p): p is string => p !== undefined)
}

async function survivesRandomInput(op: Operation): Promise<string | undefined> {
  const property = fc.asyncProperty(
    randomIdentities(op).length ? randomRequests(op, randomIdentities(op)) : fc.constant(undefined),
    async (request) => {
      if (!request) return
      const problem = problemWith(noted(await send(run, op, request)))
      if (problem) throw new Error(problem)
    },
  )
  const details = await fc.check(property, {
    seed: seedFor(describeOperation(op)),
    numRuns: fuzzConfig.runsPerOperation,
  })
  if (!details.failed) return undefined
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)
  return `${describeOperation(op)}: ${error.slice(0, 400)} — counterexample ${JSON.stringify(details.counterexample).slice(0, 600)} (FUZZ_SEED=${fuzzConfig.seed})`
}

describe.each(services)('%s', (service) => {
  test('every operation refuses input its schema rules out with a 4xx in the envelope, and writes nothing', async () => {
    const ops = operations.get(service) ?? []
    const before = await writableRows(service, userIds)
    const problems = (await inParallel(ops, 2, refusesBadInput)).flat()
    expect(problems).toEqual([])
    expect(await writableRows(service, userIds)).toEqual(before)
  })

  test('random and boundary input never gets a 5xx, and every refusal is in the envelope with a code', async () => {
    const ops = operations.get(service) ?? []
    const problems = await inParallel(ops, 1, survivesRandomInput)
    expect(problems.filter(Boolean)).toEqual([])
  })
})

test('no refused request caused an event', async () => {
  const caused = await eventsCausedBy(services, run.tag)
  const byRefused = [...caused].filter(([requestId]) => refused.has(requestId))
  expect(refused.size).toBeGreaterThan(0)
  expect(byRefused).toEqual([])
})
