export type { TossCancel, TossPayment } from './records'
export { type PgSandbox, type PgSandboxOptions, startPgSandbox } from './server'
