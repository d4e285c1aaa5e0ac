import { describe, expect, test } from 'bun:test'
import { readdir } from 'node:fs/promises'
import { artifactName, fixturePath, fixturesDir } from '../scripts/artifacts'
import { allEvents } from '../src/index'
import { eachEvent, loadFixture } from './support'

describe('fixtures', () => {
  test.each(eachEvent)('%s has a fixture', async (_, def) => {
    expect(await Bun.file(fixturePath(def)).exists()).toBe(true)
  })

  test.each(eachEvent)('%s fixture parses against its schema', async (_, def) => {
    const data = await loadFixture(def)
    expect(def.parse(data)).toEqual(data)
  })

  test('every fixture file belongs to a defined event version', async () => {
    const known = new Set(allEvents.map(artifactName))
    const files = (await readdir(fixturesDir)).filter((name) => name.endsWith('.json'))
    expect(files.filter((name) => !known.has(name))).toEqual([])
  })
})
