import { describe, expect, test } from 'bun:test'
import { join } from 'node:path'
import { e2eConfig } from './src/config'

// The README's walkthrough is a promise to every API consumer: this runs the very block the README shows (between its
// walkthrough markers), with bash, curl and jq, through the gateway, and fails when any line of it stops working.

const readme = join(import.meta.dir, '../README.md')

async function walkthroughScript(): Promise<string> {
  const text = await Bun.file(readme).text()
  const block = text.slice(text.indexOf('<!-- walkthrough:start -->'), text.indexOf('<!-- walkthrough:end -->'))
  const fenced = /```sh\n([\s\S]*?)```/.exec(block)
  if (!fenced?.[1]) throw new Error('README.md has no ```sh block between its walkthrough markers')
  return fenced[1]
}

describe('the README walkthrough', () => {
  test('when its curl lines run as written through the gateway, then the order goes CONFIRMED and then REFUNDED', async () => {
    const script = await walkthroughScript()
    const child = Bun.spawn(['bash', '-euo', 'pipefail', '-c', script], {
      env: { ...process.env, GW: e2eConfig.urls.gateway },
      stdout: 'pipe',
      stderr: 'pipe',
    })
    const [out, err, code] = await Promise.all([
      new Response(child.stdout).text(),
      new Response(child.stderr).text(),
      child.exited,
    ])
    expect({
      code,
      err: code === 0 ? '' : err,
      history: /\["CREATED","PAYMENT_PENDING","PAID","CONFIRMED"\]/.test(out),
      end: /REFUNDED/.test(out),
    }).toEqual({
      code: 0,
      err: '',
      history: true,
      end: true,
    })
  }, 90_000)
})
