// The images' HEALTHCHECK: exit 0 when this container's PORT answers 200 on /health/live (or the path given, e.g.
// compose.yaml's /health/ready, so a dependent service starts only once this one is ready) within 2 s.
const path = process.argv[2] ?? '/health/live'
const port = process.env['PORT'] ?? '8080'
const ok = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(2_000) }).then(
  (res) => res.ok,
  () => false,
)
process.exit(ok ? 0 : 1)

export {}
