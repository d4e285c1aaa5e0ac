import { NonEmptyText } from '@commerce/platform/http'
import { t } from 'elysia'
import { At, OrderDetailView } from './schemas'

export const ResolveBody = t.Object({
  // Mandatory: what the operator did or found (lands in the order's history with their user id).
  reason: NonEmptyText(500, { pattern: '\\S' }),
})

const Attention = {
  // The last failure, e.g. REFUND_FAILED:REFUND_REQUESTED:UNKNOWN_HTTP_500.
  reason: t.String(),
  // When the order entered NEEDS_ATTENTION.
  since: At,
}

export const AttentionSummaryView = t.Object({
  orderId: t.Integer(),
  orderNo: t.String(),
  userId: t.Integer(),
  status: t.String(),
  totalAmount: t.Integer(),
  refundedAmount: t.Integer(),
  ...Attention,
  updatedAt: At,
})

export const AttentionDetailView = t.Composite([
  OrderDetailView,
  t.Object({ attention: t.Union([t.Object(Attention), t.Null()]) }),
])

export const RetryRequestedView = t.Object({
  orderId: t.Integer(),
  status: t.Literal('NEEDS_ATTENTION'),
  retryRequestedAt: At,
})

export const ResolvedView = t.Object({
  orderId: t.Integer(),
  status: t.Literal('RESOLVED'),
  resolvedBy: t.Integer(),
  reason: t.String(),
})
