// Writes the JSON Schema snapshot of every event version that has none, and refreshes a snapshot only when the
// change is one consumers survive (see src/compat.ts). An incompatible change needs a new version instead.
import { mkdir } from 'node:fs/promises'
import { breakingChanges } from '../src/compat'
import { allEvents } from '../src/index'
import { artifactName, schemasDir, snapshotPath, snapshotText } from './artifacts'

await mkdir(schemasDir, { recursive: true })
let refused = 0

for (const def of allEvents) {
  const file = Bun.file(snapshotPath(def))
  const text = snapshotText(def)
  if (!(await file.exists())) {
    await Bun.write(file, text)
    console.log(`created  ${artifactName(def)}`)
    continue
  }
  const published = await file.text()
  if (published === text) continue
  const breaks = breakingChanges(JSON.parse(published), JSON.parse(text))
  if (breaks.length > 0) {
    refused++
    console.error(`refused  ${artifactName(def)}: the change breaks consumers; add ${def.type} v${def.version + 1}`)
    for (const change of breaks) console.error(`         - ${change}`)
    continue
  }
  await Bun.write(file, text)
  console.log(`updated  ${artifactName(def)} (compatible change)`)
}

if (refused > 0) process.exit(1)
