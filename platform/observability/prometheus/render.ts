// Writes <STACK_DIR>/prometheus/prometheus.yml from the stack's ports; `stack up` runs it before starting Prometheus
// (and reloads a running one). Usage: bun platform/observability/prometheus/render.ts (prints the config's path).
import { loadPrometheusRenderConfig } from './config'
import { writePrometheusConfig } from './write-config'

process.stdout.write(`${writePrometheusConfig(loadPrometheusRenderConfig())}\n`)
