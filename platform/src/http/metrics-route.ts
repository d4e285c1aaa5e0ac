import { Elysia } from 'elysia'
import type { Registry } from 'prom-client'
import { registry as platformRegistry } from '../metrics/index'

/** `GET /metrics` in the Prometheus text format, from the platform registry unless told otherwise. */
export const metricsRoute = (registry: Registry = platformRegistry) =>
  new Elysia().get(
    '/metrics',
    async () => new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType } }),
    { detail: { hide: true } },
  )
