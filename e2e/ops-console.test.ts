import { describe, expect, test } from 'bun:test'
import { e2eConfig } from './src/config'

const { ops } = e2eConfig.urls

// The console as the stack runs it (`npm run up`, OPS_CONSOLE_PORT): the page, the admin login through the gateway, /metrics.
describe('operator console on the stack', () => {
  test('when the demo admin logs in through the console, then its API and the exporter see the running connector', async () => {
    const page = await fetch(`${ops}/`)
    const login = await fetch(`${ops}/api/ops/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: e2eConfig.ADMIN_EMAIL, password: e2eConfig.ADMIN_PASSWORD }),
    })
    const { data } = (await login.json()) as { data: { accessToken: string; refreshToken?: string } }
    const connectors = await fetch(`${ops}/api/ops/connectors`, {
      headers: { authorization: `Bearer ${data.accessToken}` },
    })
    const states = ((await connectors.json()) as { data: { name: string; state: string }[] }).data
    const metrics = await (await fetch(`${ops}/metrics`)).text()

    expect({
      page: [page.status, (await page.text()).includes('<title>Commerce operator console</title>')],
      login: [login.status, typeof data.accessToken, data.refreshToken, login.headers.get('set-cookie')],
      outbox: states.find((c) => c.name === 'outbox-mariadb')?.state,
      exporter: metrics.includes('connect_connector_running{connector="outbox-mariadb"} 1'),
    }).toEqual({
      page: [200, true],
      login: [200, 'string', undefined, null],
      outbox: 'RUNNING',
      exporter: true,
    })
  })
})
