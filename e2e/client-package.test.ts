// The typed client proven outside the monorepo (issue 12): clients/scripts/pack.ts builds clients/ (JS plus
// self-contained declarations) and runs `npm pack`; a temporary project installs the tarball, tsc type-checks the
// walkthrough usage file against the installed package only, and the file runs the README's checkout walkthrough
// through the stack's gateway (platform/gateway).
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { e2eConfig } from './src/config'

const root = join(import.meta.dir, '..')
const bun = process.execPath
const tsc = join(root, 'node_modules/.bin/tsc')

interface Run {
  exitCode: number
  output: string
}

async function run(cmd: string[], options: { cwd: string; env?: Record<string, string> }): Promise<Run> {
  const child = Bun.spawn(cmd, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdout: 'pipe',
    stderr: 'pipe',
  })
  const [stdout, stderr, exitCode] = await Promise.all([
    new Response(child.stdout).text(),
    new Response(child.stderr).text(),
    child.exited,
  ])
  return { exitCode, output: `${stdout}${stderr}` }
}

const expectOk = (done: Run, what: string) => {
  if (done.exitCode !== 0) throw new Error(`${what} failed (${done.exitCode}):\n${done.output}`)
}

describe('@commerce/client outside the monorepo', () => {
  let project: string

  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), 'commerce-client-'))
  })
  afterAll(async () => {
    if (project) await rm(project, { recursive: true, force: true })
  })

  test('when the packed tarball is installed in a new project, then a usage file type-checks and walks through a checkout', async () => {
    const packed = await run([bun, join(root, 'clients/scripts/pack.ts'), project], { cwd: root })
    expectOk(packed, 'npm pack')
    const tarball = (await readdir(project)).find((f) => f.endsWith('.tgz'))
    expect(tarball).toBeDefined()

    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'front-end', private: true, type: 'module' }))
    expectOk(await run([bun, 'add', `./${tarball}`], { cwd: project }), 'install the tarball')
    const installed = await readdir(join(project, 'node_modules/@commerce/client/dist'))
    expect(installed).toContain('index.d.ts')
    expect(installed).not.toContain('routes.ts')

    await cp(join(root, 'clients/test/usage/walkthrough.ts'), join(project, 'walkthrough.ts'))
    // A front end's own setup: DOM types, strict, no Bun or Node types (process is the one global the file reads).
    await writeFile(join(project, 'env.d.ts'), 'declare const process: { env: Record<string, string | undefined> }\n')
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ESNext',
          module: 'ESNext',
          moduleResolution: 'bundler',
          lib: ['ESNext', 'DOM'],
          types: [],
          strict: true,
          noPropertyAccessFromIndexSignature: true,
          skipLibCheck: true,
          noEmit: true,
        },
        files: ['walkthrough.ts', 'env.d.ts'],
      }),
    )
    const typed = await run([tsc, '-p', 'tsconfig.json'], { cwd: project })
    expectOk(typed, 'tsc in the new project')
    // The types really come from the package: a wrong body is a compile error there too.
    await writeFile(
      join(project, 'wrong.ts'),
      "import { createClient } from '@commerce/client'\nawait createClient().api.carts.me.items.post({ skuId: 'one', quantity: 1 })\n",
    )
    await writeFile(
      join(project, 'tsconfig.wrong.json'),
      JSON.stringify({ extends: './tsconfig.json', files: ['wrong.ts', 'env.d.ts'] }),
    )
    const wrong = await run([tsc, '-p', 'tsconfig.wrong.json'], { cwd: project })
    expect(wrong.exitCode).not.toBe(0)
    expect(wrong.output).toContain("Type 'string' is not assignable to type 'number'")

    const walked = await run([bun, 'walkthrough.ts'], {
      cwd: project,
      env: {
        GATEWAY_URL: e2eConfig.urls.gateway,
        ADMIN_EMAIL: e2eConfig.ADMIN_EMAIL,
        ADMIN_PASSWORD: e2eConfig.ADMIN_PASSWORD,
      },
    })
    expectOk(walked, 'the walkthrough')
    expect(walked.output).toContain('step: payment')
    expect(walked.output).toContain('walkthrough: done')
  }, 120_000)
})
