import { Database } from 'bun:sqlite'

/** A Toss `Cancel` entry: one partial or full cancellation of a payment. */
export interface TossCancel {
  transactionKey: string
  cancelReason: string
  cancelAmount: number
  canceledAt: string
}

/** The part of a Toss v1 `Payment` object the sandbox keeps (and answers with). */
export interface TossPayment {
  mId: string
  version: string
  paymentKey: string
  orderId: string
  orderName: string
  status: 'DONE' | 'CANCELED' | 'PARTIAL_CANCELED'
  method: string
  currency: 'KRW'
  totalAmount: number
  balanceAmount: number
  requestedAt: string
  approvedAt: string
  lastTransactionKey: string
  cancels: TossCancel[] | null
}

/** The PG operations a fault can be injected into, per paymentKey (the sandbox's control routes). */
export const faultOperations = ['cancel'] as const
export type FaultOperation = (typeof faultOperations)[number]

/** A stored answer for an Idempotency-Key: the request it answered and the response. */
export interface StoredAnswer {
  fingerprint: string
  status: number
  body: string
}

/**
 * The sandbox's own record of every approval and cancellation, and of every Idempotency-Key's answer, in SQLite
 * (bun:sqlite): it survives a restart, as the real PG's does, so a payment service retrying after a crash never gets
 * a second charge, and tests count charges here independently of the payment service.
 */
export function openRecords(path: string) {
  const db = new Database(path, { create: true })
  db.exec('PRAGMA journal_mode = WAL')
  db.exec(`create table if not exists payments (
    payment_key text primary key, order_id text not null unique, body text not null)`)
  db.exec(`create table if not exists answers (
    scope text not null, idempotency_key text not null, fingerprint text not null, status integer not null,
    body text not null, primary key (scope, idempotency_key))`)
  db.exec(`create table if not exists faults (
    payment_key text not null, operation text not null, primary key (payment_key, operation))`)
  const findByKey = db.query<{ body: string }, [string]>('select body from payments where payment_key = ?')
  const findByOrder = db.query<{ body: string }, [string]>('select body from payments where order_id = ?')
  const upsert = db.query('insert or replace into payments (payment_key, order_id, body) values (?, ?, ?)')
  const findAnswer = db.query<StoredAnswer, [string, string]>(
    'select fingerprint, status, body from answers where scope = ? and idempotency_key = ?',
  )
  const saveAnswer = db.query(
    'insert or ignore into answers (scope, idempotency_key, fingerprint, status, body) values (?, ?, ?, ?, ?)',
  )
  const addFault = db.query('insert or ignore into faults (payment_key, operation) values (?, ?)')
  const dropFault = db.query('delete from faults where payment_key = ? and operation = ?')
  const findFault = db.query<{ n: number }, [string, string]>(
    'select count(*) as n from faults where payment_key = ? and operation = ?',
  )
  const parse = (row: { body: string } | null) => (row ? (JSON.parse(row.body) as TossPayment) : undefined)
  return {
    byPaymentKey: (paymentKey: string) => parse(findByKey.get(paymentKey)),
    byOrderId: (orderId: string) => parse(findByOrder.get(orderId)),
    save: (payment: TossPayment) => void upsert.run(payment.paymentKey, payment.orderId, JSON.stringify(payment)),
    answer: (scope: string, key: string) => findAnswer.get(scope, key) ?? undefined,
    remember: (scope: string, key: string, answer: StoredAnswer) =>
      void saveAnswer.run(scope, key, answer.fingerprint, answer.status, answer.body),
    /** Switches an injected fault of `operation` for one paymentKey on or off (kept across restarts). */
    setFault: (fault: { paymentKey: string; operation: FaultOperation; on: boolean }) =>
      void (fault.on ? addFault : dropFault).run(fault.paymentKey, fault.operation),
    hasFault: (paymentKey: string, operation: FaultOperation) => (findFault.get(paymentKey, operation)?.n ?? 0) > 0,
    /** Runs `fn` as one SQLite transaction (answers and records change together). */
    atomically: <T>(fn: () => T): T => db.transaction(fn)(),
    close: () => db.close(),
  }
}

export type Records = ReturnType<typeof openRecords>
