/**
 * What the load suite reads from the environment: the front door it loads, the demo admin that seeds the fixtures,
 * how many buyers the journeys share, and where Artillery is installed. load/ is outside the bun workspace (the load
 * tool stays out of the lockfile), so this reads plain variables rather than a TypeBox schema. Read once.
 */
function integer(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${raw}`)
  return value
}

export const loadSuiteConfig = Object.freeze({
  /** The gateway every journey goes through (platform/gateway's nginx). */
  LOAD_TARGET: process.env['LOAD_TARGET'] ?? 'http://127.0.0.1:8080',
  ADMIN_EMAIL: process.env['ADMIN_EMAIL'] ?? 'admin@commerce.local',
  ADMIN_PASSWORD: process.env['ADMIN_PASSWORD'] ?? 'Admin-pass-1234',
  LOAD_BUYERS: integer('LOAD_BUYERS', 40),
  /** Artillery goes into <this>/artillery: the stack's tool directory, outside the bun workspace and its lockfile. */
  LOAD_TOOLS_DIR: process.env['LOAD_TOOLS_DIR'] ?? process.env['STACK_DIR']?.concat('/tools') ?? '.stack/tools',
})
