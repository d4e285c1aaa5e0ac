// Static tier: the generated prometheus.yml (the stack's defaults) passes `promtool check config`, which also checks
// every rule file it names (rules/*.yml). Written into a temporary STACK_DIR; the stack's own is untouched.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadPrometheusRenderConfig } from './config'
import { writePrometheusConfig } from './write-config'

const stackDir = await mkdtemp(join(tmpdir(), 'prometheus-config-'))
try {
  const file = writePrometheusConfig(loadPrometheusRenderConfig({ STACK_DIR: stackDir }))
  const check = Bun.spawnSync(['promtool', 'check', 'config', file], { stdout: 'inherit', stderr: 'inherit' })
  if (check.exitCode !== 0) throw new Error(`promtool check config failed for ${file}`)
} finally {
  await rm(stackDir, { recursive: true, force: true })
}
