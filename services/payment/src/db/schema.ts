// The platform's tables only, for now: the outbox Debezium reads, the inbox, idempotency keys, job leases.
// The payment tables arrive with the checkout saga (issue 11).
export { idempotencyKeys, jobLeases, outbox, processedEvents } from '@commerce/platform/db'
