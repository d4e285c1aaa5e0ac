import { describe, expect, test } from 'bun:test'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { stackDefaults } from '../stack/defaults'
import { IMAGE_NAMES, IMAGE_TAG, imageRef } from './images'

const root = join(import.meta.dir, '../..')
const read = (path: string) => readFileSync(join(root, path), 'utf8')
const bunDockerfiles = ['platform/deploy/Dockerfile.service', 'platform/deploy/Dockerfile.provision']
const services = readdirSync(join(root, 'services')).filter((name) =>
  existsSync(join(root, 'services', name, 'src/main.ts')),
)
const workspaces = (JSON.parse(read('package.json')) as { workspaces: { packages: string[] } }).workspaces.packages
const manifests = workspaces.flatMap((w) =>
  w.endsWith('/*') ? services.map((s) => `${w.slice(0, -1)}${s}/package.json`) : [`${w}/package.json`],
)
/** `FROM image:tag` lines (build-stage references such as `FROM build` have no tag and are skipped). */
const baseImages = (text: string) =>
  [...text.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1] ?? '').filter((image) => image.includes(':'))

describe('the Bun images (Dockerfile.service, Dockerfile.provision)', () => {
  test.each(bunDockerfiles)('%s pins Bun to BUN_VERSION of defaults.env', (path) => {
    expect(read(path)).toContain(`ARG BUN_VERSION=${stackDefaults.BUN_VERSION}\n`)
    const images = baseImages(read(path))
    expect(images).toHaveLength(2)
    for (const image of images) expect(image).toMatch(/^oven\/bun:\$\{BUN_VERSION\}-slim$/)
  })

  test.each(bunDockerfiles)(
    '%s copies every workspace manifest, so the frozen install sees the whole lockfile',
    (path) => {
      const text = read(path)
      for (const manifest of manifests) expect(text).toContain(`COPY ${manifest} `)
      expect(text).toContain('bun install --production --frozen-lockfile --filter')
      expect(text).toContain('COPY platform/patches platform/patches')
    },
  )

  test.each(bunDockerfiles)('%s runs as the non-root user and stops on SIGTERM', (path) => {
    const text = read(path)
    expect(text).toMatch(/^USER bun$/m)
    expect(text).toMatch(/^STOPSIGNAL SIGTERM$/m)
  })

  test('a service listens on every interface and reports health from /health/live', () => {
    const text = read('platform/deploy/Dockerfile.service')
    expect(text).toContain('HTTP_HOST=0.0.0.0')
    expect(text).toContain('CMD ["bun", "platform/deploy/healthcheck.ts"]')
    expect(read('platform/deploy/healthcheck.ts')).toContain('/health/live')
  })

  test('the provision image carries every migrations folder the provisioner applies', async () => {
    const { serviceDatabases } = await import('../stack/provision/topology')
    const text = read('platform/deploy/Dockerfile.provision')
    const ignore = read('.dockerignore')
    for (const db of serviceDatabases) {
      expect(existsSync(join(root, db.migrations))).toBe(true)
      const copied = text.includes(`COPY ${db.migrations} ${db.migrations}`) || text.includes('COPY platform platform')
      expect(copied).toBe(true)
      if (db.migrations.startsWith('platform/test/')) expect(ignore).toContain(`!${db.migrations}`)
    }
  })

  test('the build context keeps what the images run and leaves out node_modules and the local stack', () => {
    const ignore = read('.dockerignore').split('\n')
    expect(ignore).toContain('**/node_modules')
    expect(ignore).toContain('.stack')
    for (const kept of ['platform/src', 'platform/stack/provision', 'platform/deploy', 'contracts/src']) {
      expect(ignore.some((line) => line.trim() === kept || line.trim() === kept.split('/')[0])).toBe(false)
    }
  })
})

describe('every Dockerfile', () => {
  test.each(['Dockerfile.service', 'Dockerfile.provision', 'Dockerfile.connect'])(
    '%s copies only paths that exist in the build context',
    (file) => {
      const text = read(`platform/deploy/${file}`).replace(/\\\n\s*/g, ' ')
      const copies = [...text.matchAll(/^COPY\s+(?!--from)(?:--\S+\s+)*(.+)$/gm)].map((m) => (m[1] ?? '').split(/\s+/))
      expect(copies.length).toBeGreaterThan(0)
      for (const words of copies)
        for (const source of words.slice(0, -1)) expect(existsSync(join(root, source)), source).toBe(true)
    },
  )
})

describe('image names', () => {
  test('every image is commerce/<name>:0.15.0, never latest', () => {
    expect(IMAGE_TAG).toBe('0.15.0')
    expect(IMAGE_NAMES.map(imageRef)).toContain('commerce/order:0.15.0')
    for (const service of services) expect(IMAGE_NAMES).toContain(service as (typeof IMAGE_NAMES)[number])
  })

  test.each(['Dockerfile.service', 'Dockerfile.provision', 'Dockerfile.connect'])('%s names no latest tag', (file) => {
    const text = read(`platform/deploy/${file}`)
    expect(text).not.toMatch(/:latest\b/)
    for (const image of baseImages(text)) expect(image).not.toMatch(/:latest$/)
  })
})
