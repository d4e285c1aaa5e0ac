/** A small client for the Kafka Connect REST API (register, inspect, wait). */
export interface ConnectorStatus {
  connector: { state: string }
  tasks: { id: number; state: string; trace?: string }[]
}

async function request(url: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } })
  if (!response.ok && response.status !== 404) {
    throw new Error(`${init?.method ?? 'GET'} ${url} → ${response.status}: ${await response.text()}`)
  }
  return response
}

/** Creates or updates a connector (idempotent: PUT /connectors/{name}/config). */
export async function putConnector(connectUrl: string, name: string, config: Record<string, string>): Promise<void> {
  await request(`${connectUrl}/connectors/${name}/config`, { method: 'PUT', body: JSON.stringify(config) })
}

/** Stops a connector: its tasks shut down, its offsets stay and can be read or deleted (Connect 3.5+, KIP-875). */
export async function stopConnector(connectUrl: string, name: string): Promise<void> {
  await request(`${connectUrl}/connectors/${name}/stop`, { method: 'PUT' })
}

/** Starts a stopped connector again, from its offsets if it still has any. */
export async function resumeConnector(connectUrl: string, name: string): Promise<void> {
  await request(`${connectUrl}/connectors/${name}/resume`, { method: 'PUT' })
}

/** Deletes a stopped connector's committed offsets: what losing the offsets topic looks like to that connector. */
export async function deleteOffsets(connectUrl: string, name: string): Promise<void> {
  await request(`${connectUrl}/connectors/${name}/offsets`, { method: 'DELETE' })
}

/** The connector's committed source offsets (for Debezium's binlog connectors: `file`, `pos`, …). */
export async function connectorOffsets(connectUrl: string, name: string): Promise<Record<string, unknown>[]> {
  const response = await request(`${connectUrl}/connectors/${name}/offsets`)
  if (response.status === 404) return []
  const body = (await response.json()) as { offsets: { offset: Record<string, unknown> }[] }
  return body.offsets.map((o) => o.offset)
}

/** The names of every connector the worker runs. */
export async function listConnectors(connectUrl: string): Promise<string[]> {
  return (await (await request(`${connectUrl}/connectors`)).json()) as string[]
}

/** Removes a connector (a no-op when it does not exist). */
export async function deleteConnector(connectUrl: string, name: string): Promise<void> {
  await request(`${connectUrl}/connectors/${name}`, { method: 'DELETE' })
}

export async function connectorStatus(connectUrl: string, name: string): Promise<ConnectorStatus | undefined> {
  const response = await request(`${connectUrl}/connectors/${name}/status`)
  return response.status === 404 ? undefined : ((await response.json()) as ConnectorStatus)
}

/** Waits until the connector and all its tasks run; fails fast with Connect's trace when a task failed. */
export async function waitUntilRunning(connectUrl: string, name: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last: ConnectorStatus | undefined
  while (Date.now() < deadline) {
    last = await connectorStatus(connectUrl, name).catch(() => undefined)
    const failed = last?.tasks.find((t) => t.state === 'FAILED')
    if (failed) throw new Error(`connector ${name} task ${failed.id} FAILED:\n${failed.trace ?? ''}`)
    const running = last?.connector.state === 'RUNNING' && last.tasks.length > 0
    if (running && last?.tasks.every((t) => t.state === 'RUNNING')) return
    await Bun.sleep(200)
  }
  throw new Error(`connector ${name} not running after ${timeoutMs} ms: ${JSON.stringify(last)}`)
}
