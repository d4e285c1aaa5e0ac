/** Where integration tests find the infrastructure: the environment first, else the local stack's defaults. */
export function testEnv() {
  const env = process.env
  return {
    kafkaBrokers: env['KAFKA_BROKERS'] ?? '127.0.0.1:9092',
    redisUrl: env['REDIS_URL'] ?? 'redis://127.0.0.1:6380',
    connectUrl: env['CONNECT_URL'] ?? 'http://127.0.0.1:18083',
    mariadbAdminUrl: env['MARIADB_ADMIN_URL'] ?? 'mysql://root@127.0.0.1:3307',
    /** `<SERVICE>_MARIADB_URL`, as written by the stack to .stack/env. */
    databaseUrl: (service: string) =>
      env[`${service.toUpperCase()}_MARIADB_URL`] ??
      `mysql://${service}:${service}-dev@127.0.0.1:3307/commerce_${service}`,
  }
}
