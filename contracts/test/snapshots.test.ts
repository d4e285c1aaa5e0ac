import { describe, expect, test } from 'bun:test'
import { readdir } from 'node:fs/promises'
import { artifactName, schemasDir, snapshotPath } from '../scripts/artifacts'
import { breakingChanges } from '../src/compat'
import { allEvents } from '../src/index'
import { eachEvent } from './support'

/** The snapshot file names in git HEAD (CI runs in a clone, so git is there). */
function committedSnapshots(): string[] {
  const git = Bun.spawnSync(['git', 'ls-tree', '--name-only', 'HEAD', '--', '.'], { cwd: schemasDir })
  if (git.exitCode !== 0) throw new Error(`git ls-tree failed in ${schemasDir}: ${git.stderr.toString()}`)
  return git.stdout
    .toString()
    .split('\n')
    .filter((name) => name.endsWith('.json'))
}

// The schema consumers were given, as committed by `bun run contracts:snapshot`.
const published = (def: (typeof allEvents)[number]): Promise<unknown> => Bun.file(snapshotPath(def)).json()
const current = (def: (typeof allEvents)[number]): unknown => JSON.parse(JSON.stringify(def.data))

describe('published schema snapshots', () => {
  test.each(eachEvent)('%s has a committed snapshot', async (_, def) => {
    expect(await Bun.file(snapshotPath(def)).exists()).toBe(true)
  })

  // A failure here means the change breaks consumers: revert it, or publish it as a new version (a new file).
  test.each(eachEvent)('%s current schema is backward compatible with its snapshot', async (_, def) => {
    expect(breakingChanges(await published(def), current(def))).toEqual([])
  })

  // A failure here (with the test above passing) means a compatible change was not snapshotted: run
  // `bun run contracts:snapshot`, so the next change is judged against what consumers actually have.
  test.each(eachEvent)('%s snapshot matches the current schema', async (_, def) => {
    expect(current(def)).toEqual(await published(def))
  })

  test('every snapshot belongs to a defined event version', async () => {
    const known = new Set(allEvents.map(artifactName))
    const files = (await readdir(schemasDir)).filter((name) => name.endsWith('.json'))
    expect(files.filter((name) => !known.has(name))).toEqual([])
  })

  // Deleting a definition together with its snapshot would pass every test above: judge against what git holds.
  test('every committed snapshot is still in the tree and still belongs to a defined event version', async () => {
    const known = new Set(allEvents.map(artifactName))
    const inTree = new Set(await readdir(schemasDir))
    const committed = committedSnapshots()
    expect(committed.length).toBeGreaterThan(0)
    expect(committed.filter((name) => !inTree.has(name) || !known.has(name))).toEqual([])
  })
})
