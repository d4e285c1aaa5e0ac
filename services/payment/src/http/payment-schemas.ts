import { Id, NonEmptyText, SafeInteger } from '@commerce/platform/http'
import { t } from 'elysia'
import { paymentStatuses } from '../domain/payment-status'

export const OrderParams = t.Object({ orderId: Id() })

export const PaymentView = t.Object({
  paymentId: t.Integer(),
  orderId: t.Integer(),
  amount: t.Integer(),
  status: t.UnionEnum([...paymentStatuses]),
})

/** The Toss success redirect's three values (SPEC §4): the order, the PG's paymentKey, the amount shown to the buyer. */
export const ConfirmBody = t.Object({
  orderId: Id(),
  paymentKey: NonEmptyText(200, { pattern: '^[\\x21-\\x7e]+$' }),
  amount: SafeInteger({ minimum: 1 }),
})

export const ConfirmView = t.Object({ paymentId: t.Integer(), status: t.Literal('APPROVED') })
