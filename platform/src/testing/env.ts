import { stackDefaults, stackUrls } from '../../stack/defaults'

/** The services the local stack runs on fixed ports (SPEC §1, §8), and the defaults.env key of each port. */
const servicePorts = {
  auth: 'AUTH_PORT',
  user: 'USER_PORT',
  catalog: 'CATALOG_PORT',
  inventory: 'INVENTORY_PORT',
  order: 'ORDER_PORT',
  payment: 'PAYMENT_PORT',
  'pg-sandbox': 'PG_SANDBOX_PORT',
} as const
export type StackService = keyof typeof servicePorts

/** Where integration tests find the infrastructure: the environment first, else the local stack's defaults. */
export function testEnv() {
  const env = process.env
  const urls = stackUrls(env)
  const mariadb = new URL(urls.mariadbAdminUrl)
  return {
    ...urls,
    /** `<SERVICE>_MARIADB_URL`, as written by the stack to .stack/env. */
    databaseUrl: (service: string) =>
      env[`${service.toUpperCase()}_MARIADB_URL`] ??
      `mysql://${service}:${service}-dev@${mariadb.host}/commerce_${service}`,
    /** Where the stack's instance of a service answers: `<NAME>_URL` (as services get it), else its default port. */
    /** The stack's gateway (nginx, platform/gateway): `GATEWAY_URL`, else 127.0.0.1 on GATEWAY_PORT (defaults.env). */
    gatewayUrl: env['GATEWAY_URL'] ?? `http://127.0.0.1:${env['GATEWAY_PORT'] ?? stackDefaults.GATEWAY_PORT}`,
    /** The stack's Prometheus: `PROMETHEUS_URL`, else 127.0.0.1 on PROMETHEUS_PORT (defaults.env). */
    prometheusUrl:
      env['PROMETHEUS_URL'] ?? `http://127.0.0.1:${env['PROMETHEUS_PORT'] ?? stackDefaults.PROMETHEUS_PORT}`,
    /** The stack's operator console (platform/src/ops): `OPS_URL`, else 127.0.0.1 on OPS_CONSOLE_PORT (defaults.env). */
    opsUrl: env['OPS_URL'] ?? `http://127.0.0.1:${env['OPS_CONSOLE_PORT'] ?? stackDefaults.OPS_CONSOLE_PORT}`,
    serviceUrl: (service: StackService) =>
      env[`${service.toUpperCase().replace('-', '_')}_URL`] ??
      `http://127.0.0.1:${stackDefaults[servicePorts[service]]}`,
  }
}
