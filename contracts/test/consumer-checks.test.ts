import { expect, test } from 'bun:test'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { subscriptions } from '../src/index'

const servicesDir = join(import.meta.dir, '../../services')

/** Services with a `src/consumers/` folder, and those of them with the consumer contract test. */
async function consumingServices() {
  const services = await readdir(servicesDir)
  const hasFile = (service: string, file: string) =>
    Bun.file(join(servicesDir, service, 'src/consumers', file)).exists()
  const consuming: string[] = []
  const checked: string[] = []
  for (const service of services.sort()) {
    if (await hasFile(service, 'index.ts')) consuming.push(service)
    if (await hasFile(service, 'contract.test.ts')) checked.push(service)
  }
  return { consuming, checked }
}

// The declaration in subscriptions.ts is only held to the handlers by each service's own contract test.
test('every service that consumes has its consumer contract test and an entry in subscriptions.ts', async () => {
  const { consuming, checked } = await consumingServices()

  expect({ checked, declared: Object.keys(subscriptions).sort() }).toEqual({ checked: consuming, declared: consuming })
})
