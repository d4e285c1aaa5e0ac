// Static tier: proves that biome.json's import boundaries still bite. Biome applies overrides in order and a later one
// replaces an earlier one's rule options, so a reordered override can silently switch a boundary off (it happened:
// `services/**` once disabled "domain/ is pure"). Writes probe files that break each boundary, lints them, removes them.
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

const root = join(import.meta.dir, '../..')
const probeService = `zz-import-probe-${process.pid}`
const probes: { path: string; source: string; expect: string }[] = [
  {
    path: `services/${probeService}/src/domain/probe.ts`,
    source: "import { sql } from 'drizzle-orm'\nexport const probe = sql\n",
    expect: 'no ORM, framework or wire format in domain/',
  },
  {
    path: `services/${probeService}/src/domain/other.ts`,
    source: "import { x } from '../db/schema'\nexport const probe = x\n",
    expect: 'domain/ is pure',
  },
  {
    path: `services/${probeService}/src/use-cases/probe.ts`,
    source: "import { Elysia } from 'elysia'\nexport const probe = Elysia\n",
    expect: 'use cases know nothing of HTTP',
  },
  {
    path: `services/${probeService}/src/http/probe.ts`,
    source: "import { x } from '../../../order/src/app'\nexport const probe = x\n",
    expect: 'a service never imports another service',
  },
  {
    path: `platform/src/http/zz-import-probe-${process.pid}.ts`,
    source: "import { Kafka } from 'kafkajs'\nexport const probe = Kafka\n",
    expect: 'the Kafka client library stays behind @commerce/platform/kafka',
  },
]

try {
  for (const probe of probes) {
    await mkdir(join(root, probe.path, '..'), { recursive: true })
    await writeFile(join(root, probe.path), probe.source)
  }
  const lint = Bun.spawnSync(['bunx', 'biome', 'lint', '--max-diagnostics=100', ...probes.map((p) => p.path)], {
    cwd: root,
    stdout: 'pipe',
    stderr: 'pipe',
  })
  const output = `${lint.stdout.toString()}${lint.stderr.toString()}`
  const missing = probes.filter((p) => !output.includes(p.expect))
  for (const p of missing) console.error(`import rule did not fire: "${p.expect}" for ${p.path}`)
  console.log(`import rules: ${probes.length - missing.length} of ${probes.length} boundaries enforced`)
  process.exitCode = missing.length === 0 ? 0 : 1
} finally {
  await rm(join(root, 'services', probeService), { recursive: true, force: true })
  await rm(join(root, `platform/src/http/zz-import-probe-${process.pid}.ts`), { force: true })
}
