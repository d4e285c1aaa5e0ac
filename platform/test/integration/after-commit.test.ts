import { describe, expect, test } from 'bun:test'
import { sql } from 'drizzle-orm'
import { afterCommit } from '../../src/db'
import { labDb } from './jobs-fixture'

describe('afterCommit', () => {
  test('when the transaction commits, then its callbacks run after the commit, savepoints included', async () => {
    await using infra = labDb()
    const seen: string[] = []

    await infra.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT 1`)
      afterCommit(tx, () => seen.push('outer'))
      await tx.transaction(async (savepoint) => afterCommit(savepoint, () => seen.push('savepoint')))
      seen.push('still open')
    })

    expect(seen).toEqual(['still open', 'outer', 'savepoint'])
  })

  test('when the transaction rolls back, then its callbacks never run', async () => {
    await using infra = labDb()
    const seen: string[] = []

    const failed = infra.db.transaction(async (tx) => {
      afterCommit(tx, () => seen.push('counted'))
      throw new Error('roll back')
    })

    expect(await failed.catch((e: Error) => e.message)).toBe('roll back')
    expect(seen).toEqual([])
  })
})
