// Writes the Grafana dashboards and provisioning files from the TypeScript definitions in boards/ (render.ts).
// Usage: bun run grafana:generate. The unit tier fails while a committed file differs from what this writes.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { renderGrafanaFiles } from './render'

const files = renderGrafanaFiles()
// A dashboard removed from boards/ must not linger as JSON.
for (const name of readdirSync(join(import.meta.dir, 'dashboards'), { withFileTypes: true })) {
  if (name.isFile() && !files[`dashboards/${name.name}`]) rmSync(join(import.meta.dir, 'dashboards', name.name))
}
for (const [path, content] of Object.entries(files)) {
  const file = join(import.meta.dir, path)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, content)
  process.stdout.write(`${path}\n`)
}
