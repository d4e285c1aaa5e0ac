import { expect, test } from 'bun:test'
import { join } from 'node:path'
import { errorCodesSource } from '../scripts/error-codes'

test('when the services gain or lose an error code, then error-codes.ts is regenerated (bun clients/scripts/error-codes.ts)', async () => {
  const committed = await Bun.file(join(import.meta.dir, 'error-codes.ts')).text()
  expect(committed).toBe(await errorCodesSource())
  expect(committed).toContain("'COMMON-401-002'")
})
