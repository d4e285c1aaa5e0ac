// The images' HEALTHCHECK: exit 0 when /health/live on this container's PORT answers 200 within 2 s.
const port = process.env['PORT'] ?? '8080'
const ok = await fetch(`http://127.0.0.1:${port}/health/live`, { signal: AbortSignal.timeout(2_000) }).then(
  (res) => res.ok,
  () => false,
)
process.exit(ok ? 0 : 1)

export {}
