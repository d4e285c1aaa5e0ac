import { stackUrls } from '../../stack/defaults'

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
  }
}
