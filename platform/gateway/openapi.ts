// Writes the gateway's combined OpenAPI document (<STACK_DIR>/gateway/openapi.json, served at /openapi/json) and its
// UI (openapi.html at /openapi, the Scalar page the services' own /openapi serves) from the running services'
// /openapi/json. `stack up` runs it once the services are ready; run it again any time: `npm run stack gateway-openapi`.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ScalarRender } from '@elysiajs/openapi/scalar'
import { loadGatewayConfig } from './config'
import { mergeOpenApi, type ServiceDocument } from './merge-openapi'
import { readRoutes, servicePort } from './routes'

const config = loadGatewayConfig()
const routes = readRoutes()
const services = [...new Set(routes.map((route) => route.service))]

async function documentOf(service: string): Promise<ServiceDocument | undefined> {
  const url = `http://127.0.0.1:${servicePort(service, config.ports)}/openapi/json`
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    return { service, document: await response.json() }
  } catch (error) {
    process.stderr.write(`[gateway] ${service}'s OpenAPI document left out (${url}: ${String(error)})\n`)
    return undefined
  }
}

const documents = (await Promise.all(services.map(documentOf))).filter((d) => d !== undefined)
const title = 'commerce API (gateway)'
const merged = mergeOpenApi({ routes, documents, title })
writeFileSync(join(config.dir, 'openapi.json'), `${JSON.stringify(merged)}\n`)
const info = { title, version: '1', description: merged.info.description }
const cdn = 'https://cdn.jsdelivr.net/npm/@scalar/api-reference@latest/dist/browser/standalone.min.js'
// `openapi/json` is relative, as on the services' pages: from /openapi it is /openapi/json.
writeFileSync(join(config.dir, 'openapi.html'), ScalarRender(info, { url: 'openapi/json', version: 'latest', cdn }))
process.stdout.write(
  `[gateway] OpenAPI: ${Object.keys(merged.paths).length} paths from ${documents.length}/${services.length} services\n`,
)
