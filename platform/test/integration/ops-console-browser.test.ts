import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium } from 'playwright-core'
import { createKafka, encodeEvent, produce } from '../../src/kafka'
import { eventually, freshName, tapTopics, testEnv } from '../../src/testing'
import { LabNoteCreatedV1 } from '../lab/events'
import { labInfra, startLabConsumer } from './lab-fixture'
import { demoAdmin, scratchTopics, startOpsConsole } from './ops-fixture'

// Debian's Chromium (installed by the stack's tools.sh), never a browser download; a fresh profile per run.
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const env = testEnv()
const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: freshName('ops-browser') })
let profile: string
let browser: BrowserContext

beforeAll(async () => {
  profile = await mkdtemp(join(tmpdir(), 'ops-console-chromium-'))
  // launchPersistentContext is how playwright takes --user-data-dir.
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: chromiumFlags,
    timeout: 60_000,
  })
}, 90_000)
afterAll(async () => {
  await browser?.close()
  await rm(profile, { recursive: true, force: true })
})

/** A malformed event on a consumed topic, waited for until the consumer dead-lettered it. */
async function injectDeadLetter(topic: string, dlqTopic: string): Promise<string> {
  await using infra = labInfra()
  await using dlq = await tapTopics(kafka, [dlqTopic])
  await using _consumer = await startLabConsumer(infra, { topics: [topic] })
  const valid = LabNoteCreatedV1.create(
    { noteId: 1, body: 'x' },
    { now: new Date(), correlationId: 'ops-browser', causationId: 'ops-browser' },
  )
  const event = { ...valid.event, data: { noteId: 'not a number' } }
  await produce(kafka, topic, [encodeEvent({ ...valid, event } as unknown as typeof valid)])
  await eventually(() => dlq.records.length === 1, { what: 'the malformed event in the DLQ' })
  // The consumer stops here: the replayed record must not be dead-lettered again while the page counts.
  return event.id
}

describe('operator console in a browser', () => {
  test('when the demo admin logs in, then connectors, consumer lag and a fresh dead letter show, replaying it empties the DLQ, and the timeline view answers for an unknown order', async () => {
    await using scratch = await scratchTopics(kafka, 'opsui')
    const eventId = await injectDeadLetter(scratch.topic, scratch.dlq)
    await using ops = startOpsConsole(kafka)
    const page = await browser.newPage()
    page.setDefaultTimeout(20_000)

    await page.goto(ops.url)
    await page.fill('#login input[name=email]', demoAdmin().email)
    await page.fill('#login input[name=password]', demoAdmin().password)
    await page.click('#login button[type=submit]')

    const connector = page.locator('#connectors tr[data-connector="outbox-mariadb"]')
    // Other tests crash Connect now and then; the page re-reads connector states every 5 s.
    await connector.locator('td.state-RUNNING').waitFor({ timeout: 60_000 })
    const loginShown = await page.locator('#login').isVisible()
    const orderGroup = page.locator('#groups tr[data-group="order"]').first()
    await orderGroup.waitFor()
    const topicRow = page.locator(`#dlq-topics tr[data-topic="${scratch.dlq}"]`)
    await topicRow.waitFor()
    const pendingBefore = await topicRow.locator('td.pending').textContent()

    await topicRow.getByRole('button', { name: 'Show' }).click()
    const letter = page.locator(`#letters tr[data-event-id="${eventId}"]`)
    await letter.waitFor()
    const letterCells = await letter.locator('td').allTextContents()
    await letter.getByRole('button', { name: 'Replay' }).click()
    await page.locator('#dlq-result', { hasText: 'pending 1 → 0' }).waitFor()
    await topicRow.locator('td.pending', { hasText: /^0$/ }).waitFor()
    // Pending letters only: the replayed one leaves the list.
    await letter.waitFor({ state: 'detached' })

    await page.fill('#saga input[name=orderId]', '987654321987')
    await page.click('#saga button[type=submit]')
    // No service knows it: 404 COMMON-404 — or, when a service did not answer in time (a loaded machine), the
    // timeline's own answer naming what is missing. Either way the view shows the endpoint's answer.
    const sagaAnswer = page.locator('#saga-error:has-text("COMMON-404"), #saga-states:has-text("notes")')
    await sagaAnswer.first().waitFor({ timeout: 45_000 })

    expect({
      loginShown,
      saga: await sagaAnswer.count(),
      connector: await connector.locator('td').allTextContents(),
      orderGroupLag: /^\d+$/.test((await orderGroup.locator('td').nth(7).textContent()) ?? ''),
      pendingBefore,
      letter: letterCells.slice(0, 6),
      result: await page.locator('#dlq-result').textContent(),
      pendingAfter: await topicRow.locator('td.pending').textContent(),
      lettersLeft: await page.locator('#letters tbody tr').count(),
    }).toEqual({
      loginShown: false,
      saga: 1,
      connector: ['outbox-mariadb', 'source', 'RUNNING', '0: RUNNING'],
      orderGroupLag: true,
      pendingBefore: '1',
      letter: ['0:0', 'pending', 'contract-violation', expect.any(String), `${scratch.topic}[0]@0`, 'lab.note.created'],
      result: `${scratch.dlq}: moved 1, kept 0; pending 1 → 0`,
      pendingAfter: '0',
      lettersLeft: 0,
    })
    await page.close()
  }, 120_000)

  test('when auth refuses the login, then the form says why and the console stays hidden', async () => {
    await using ops = startOpsConsole(kafka)
    const page = await browser.newPage()
    page.setDefaultTimeout(20_000)
    await page.goto(ops.url)
    await page.fill('#login input[name=email]', 'nobody@example.com')
    await page.fill('#login input[name=password]', 'wrong-password-1')
    await page.click('#login button[type=submit]')
    await page.locator('#login-error', { hasText: /./ }).waitFor()
    expect({ appHidden: await page.locator('#app').isHidden() }).toEqual({ appHidden: true })
    await page.close()
  }, 60_000)
})
