import { describe, expect, test } from 'bun:test'
import { eventually, freshName } from '../../src/testing'
import { stackDefaults } from '../../stack/defaults'
import { postNote } from './sample-fixture'

// `npm test` (re)starts the services the way `npm run up` does; this checks what that left running.
const sampleUrl = `http://127.0.0.1:${process.env['SAMPLE_PORT'] ?? stackDefaults.SAMPLE_PORT}`

describe('services started by the stack script', () => {
  test('when the stack has started the sample service, then it is ready and a note posted to it is consumed once', async () => {
    const ready = await fetch(`${sampleUrl}/health/ready`)
    const posted = await postNote(sampleUrl, freshName('through-up'))
    const noteId = posted.body?.data?.noteId

    const effects = await eventually(async () => {
      const view = (await (await fetch(`${sampleUrl}/api/notes/${noteId}`)).json()) as { data: { effects: number } }
      return view.data.effects > 0 && view.data.effects
    })

    expect({ ready: ready.status, posted: posted.status, effects }).toEqual({ ready: 200, posted: 201, effects: 1 })
  })
})

describe('the stack supervises the services it started', () => {
  test('when a service process is killed with SIGKILL, then the stack starts it again and it turns ready', async () => {
    const before = await servicePid()
    process.kill(before, 'SIGKILL')

    const after = await eventually(
      async () => {
        const pid = await servicePid().catch(() => 0)
        const ready = await fetch(`${sampleUrl}/health/ready`).then(
          (r) => r.status,
          () => 0,
        )
        return pid !== 0 && pid !== before && ready === 200 && pid
      },
      { timeoutMs: 25_000, what: 'the sample service back and ready' },
    )

    expect(after).not.toBe(before)
  }, 30_000)
})

/** The pid of the sample's Bun process (the child of the stack's supervisor loop). */
async function servicePid(): Promise<number> {
  const out = await new Response(Bun.spawn(['pgrep', '-f', '^bun .*platform/test/lab/main.ts']).stdout).text()
  const pid = Number(out.trim().split('\n')[0])
  if (!pid) throw new Error('the sample service is not running')
  return pid
}
