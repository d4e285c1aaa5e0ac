import { join } from 'node:path'
import { spawnEnv } from '../../src/testing'
import { loadSampleConfig } from '../lab/config'

/** The sample service's env against the test stack: what `npm run up` gives it, on a port the caller picks. */
export function sampleEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return { ...spawnEnv('sample', 'lab'), ...overrides }
}

export const sampleConfig = (overrides: Record<string, string> = {}) => loadSampleConfig(sampleEnv(overrides))

export const sampleMain = join(import.meta.dir, '../lab/main.ts')

/** Answers of a JSON request, or the network error's name when the server refused or cut the connection. */
export async function postNote(url: string, body: string, key?: string) {
  try {
    const response = await fetch(`${url}/api/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify({ body }),
    })
    return { status: response.status, body: (await response.json()) as { data?: { noteId: number } } }
  } catch (error) {
    return { status: 0, error: error instanceof Error ? error.name : String(error) }
  }
}
