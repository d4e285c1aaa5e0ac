import { describe, expect, test } from 'bun:test'
import { pruneInBatches } from './prune-jobs'

// A table of `rows` old rows that each DELETE … LIMIT n eats into, as the real prune functions do.
const table = (rows: number) => {
  let left = rows
  const limits: number[] = []
  const deleteBatch = async (limit: number) => {
    limits.push(limit)
    const deleted = Math.min(left, limit)
    left -= deleted
    return deleted
  }
  return { deleteBatch, limits }
}

describe('pruneInBatches', () => {
  test('when old rows remain, then batches go on until one deletes fewer than the batch size', async () => {
    const { deleteBatch, limits } = table(5)

    const summary = await pruneInBatches(deleteBatch, { batchSize: 2 })

    expect({ summary, limits }).toEqual({ summary: { deleted: 5, batches: 3 }, limits: [2, 2, 2] })
  })

  test('when a batch is exactly full and nothing is left, then one more empty batch confirms it', async () => {
    const { deleteBatch } = table(4)

    expect(await pruneInBatches(deleteBatch, { batchSize: 2 })).toEqual({ deleted: 4, batches: 3 })
  })

  test('when there is more than maxBatches can delete, then the run stops there and leaves the rest', async () => {
    const { deleteBatch } = table(100)

    expect(await pruneInBatches(deleteBatch, { batchSize: 10, maxBatches: 3 })).toEqual({ deleted: 30, batches: 3 })
  })

  test('when the signal fired, then no further batch starts', async () => {
    const controller = new AbortController()
    const { deleteBatch, limits } = table(100)
    controller.abort()

    expect(await pruneInBatches(deleteBatch, { batchSize: 10, signal: controller.signal })).toEqual({
      deleted: 0,
      batches: 0,
    })
    expect(limits).toEqual([])
  })
})
