// `npm pack` of the client: builds dist/, stages a publishable copy whose package.json carries the root catalog's
// real versions (npm does not know bun's `catalog:` protocol) and no scripts, then packs it with npm.
// Usage: bun clients/scripts/pack.ts [destination]  → prints the tarball's path.
import { cp, mkdir, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'

const root = join(import.meta.dir, '..')
const stage = join(root, '.pack')

/** Builds and packs the client into `destination`; the tarball's absolute path. */
export async function packClient(destination: string): Promise<string> {
  const build = Bun.spawnSync([process.execPath, join(import.meta.dir, 'build.ts')], { stdout: 'pipe', stderr: 'pipe' })
  if (build.exitCode !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`)
  const manifest = await Bun.file(join(root, 'package.json')).json()
  const catalog: Record<string, string> = (await Bun.file(join(root, '../package.json')).json()).workspaces.catalog
  const dependencies = Object.fromEntries(
    Object.entries(manifest.dependencies as Record<string, string>).map(([name, version]) => {
      const real = version === 'catalog:' ? catalog[name] : version
      if (!real) throw new Error(`${name} is not in the root catalog`)
      return [name, real]
    }),
  )
  const { scripts: _scripts, devDependencies: _dev, ...published } = manifest
  await rm(stage, { recursive: true, force: true })
  await mkdir(stage, { recursive: true })
  await cp(join(root, 'dist'), join(stage, 'dist'), { recursive: true })
  await cp(join(root, 'README.md'), join(stage, 'README.md'))
  await Bun.write(join(stage, 'package.json'), `${JSON.stringify({ ...published, dependencies }, null, 2)}\n`)
  await mkdir(destination, { recursive: true })
  const pack = Bun.spawnSync(['npm', 'pack', stage, '--pack-destination', destination, '--json'], {
    stdout: 'pipe',
    stderr: 'pipe',
  })
  await rm(stage, { recursive: true, force: true })
  if (pack.exitCode !== 0) throw new Error(`npm pack failed:\n${pack.stdout}${pack.stderr}`)
  const [packed] = JSON.parse(pack.stdout.toString()) as { filename: string }[]
  if (!packed) throw new Error('npm pack made no tarball')
  return join(destination, packed.filename)
}

if (import.meta.main) {
  console.log(await packClient(resolve(process.argv[2] ?? root)))
}
