import { join } from 'node:path'
import { Elysia } from 'elysia'

const dir = join(import.meta.dir, '..', 'console')
const files = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/console.js': { file: 'console.js', type: 'text/javascript; charset=utf-8' },
  '/console.css': { file: 'console.css', type: 'text/css; charset=utf-8' },
} as const

/** The console page: static files, no build step; it logs in and calls /api/ops/* itself. */
export const consoleRoutes = () => {
  const app = new Elysia()
  for (const [path, { file, type }] of Object.entries(files)) {
    app.get(path, () => new Response(Bun.file(join(dir, file)), { headers: { 'content-type': type } }), {
      detail: { hide: true },
    })
  }
  return app
}
