import type { SagaTransition, ServiceSagaView } from '../../service/saga-view'

/** What one line of the timeline is: an event published, taken by a consumer, parked, dead-lettered, or a state change. */
export type SagaEntryKind = 'event' | 'consumed' | 'parked' | 'dead-letter' | 'state'

/** One line of the timeline; `id` is the event's id for every kind but `state`. */
export interface SagaEntry {
  at: string
  service: string
  kind: SagaEntryKind
  type?: string
  id?: string
  causationId?: string
  consumer?: string
  source?: string
  /** processed | parked | the DLQ reason | a state's new value. */
  outcome?: string
  detail?: string
}

/** One service's part: its state transitions, or why it could not be asked. */
export interface ServiceStates {
  service: string
  available: boolean
  error?: string
  transitions: SagaTransition[]
}

/** The whole answer of `GET /api/ops/sagas/:orderId` and `npm run saga -- <orderId> --json`. */
export interface SagaTimeline {
  orderId: string
  generatedAt: string
  entries: SagaEntry[]
  states: ServiceStates[]
  deadLetters: { topics: string[]; scanned: number; complete: boolean; error?: string }
  notes: string[]
}

/** A service's answer: its view, or why there is none (down, timed out, an older build without the route). */
export type ServiceAnswer = { service: string; view: ServiceSagaView } | { service: string; error: string }

/** The lines one service's view contributes. */
export function entriesOf(view: ServiceSagaView): SagaEntry[] {
  const { service } = view
  return [
    ...view.outbox.map(
      (e): SagaEntry => ({
        at: e.time,
        service,
        kind: 'event',
        type: e.type,
        id: e.id,
        ...(e.causationId ? { causationId: e.causationId } : {}),
        ...(e.source ? { source: e.source } : {}),
        outcome: 'published',
        detail: `${e.aggregateType} ${e.aggregateId}`,
      }),
    ),
    ...view.inbox.map(
      (r): SagaEntry => ({
        at: r.processedAt,
        service,
        kind: 'consumed',
        type: r.eventType,
        id: r.eventId,
        consumer: r.consumer,
        outcome: 'processed',
      }),
    ),
    ...view.parked.map(
      (p): SagaEntry => ({
        at: p.parkedAt,
        service,
        kind: 'parked',
        type: p.eventType,
        id: p.eventId,
        consumer: p.consumer,
        outcome: 'parked',
        detail: `${p.reason}; attempts ${p.attempts}, next try ${p.nextAttemptAt}`,
      }),
    ),
    ...view.states.map(
      (s): SagaEntry => ({
        at: s.at,
        service,
        kind: 'state',
        type: s.subject,
        outcome: s.to,
        detail: [s.from !== undefined && s.from !== s.to ? `${s.from ?? '∅'} → ${s.to}` : s.to, s.detail]
          .filter(Boolean)
          .join('; '),
      }),
    ),
  ]
}

// At one instant and depth, a consumer taking an event comes before what its handler published in that transaction.
const kindRank: Record<SagaEntryKind, number> = { state: 0, consumed: 1, parked: 2, 'dead-letter': 3, event: 4 }

/**
 * Sorts by time, but never puts an entry before its cause: an event after the event named by its `causationid`, a
 * consumption, parking or dead letter after the event it is about. Clocks of different services may disagree by
 * milliseconds; an effect then takes its cause's time.
 */
export function causalOrder(entries: SagaEntry[]): SagaEntry[] {
  const published = new Map(entries.filter((e) => e.kind === 'event' && e.id).map((e) => [e.id as string, e]))
  const causeOf = (e: SagaEntry) => published.get((e.kind === 'event' ? e.causationId : e.id) ?? '')
  const placed = new Map<SagaEntry, { at: number; depth: number }>()
  const place = (e: SagaEntry, seen: Set<SagaEntry>): { at: number; depth: number } => {
    const known = placed.get(e)
    if (known) return known
    const cause = causeOf(e)
    const own = Date.parse(e.at)
    const after = cause && cause !== e && !seen.has(cause) ? place(cause, new Set(seen).add(e)) : undefined
    const spot = after ? { at: Math.max(own, after.at), depth: after.depth + 1 } : { at: own, depth: 0 }
    placed.set(e, spot)
    return spot
  }
  const spots = entries.map((e) => ({ e, spot: place(e, new Set()) }))
  spots.sort(
    (a, b) =>
      a.spot.at - b.spot.at ||
      a.spot.depth - b.spot.depth ||
      kindRank[a.e.kind] - kindRank[b.e.kind] ||
      a.e.at.localeCompare(b.e.at) ||
      a.e.service.localeCompare(b.e.service),
  )
  return spots.map((s) => s.e)
}

const days = (seconds: number) => `${Math.round((seconds / 86_400) * 10) / 10} d`

/** Notes for the reader: pruning, services that could not be asked, a DLQ scan cut short. */
function notesOf(answers: ServiceAnswer[], deadLetters: SagaTimeline['deadLetters']): string[] {
  const views = answers.flatMap((a) => ('view' in a ? [a.view] : []))
  const retention = views[0]?.retention
  return [
    ...(retention
      ? [
          `Outbox rows are pruned after ${days(retention.outboxS)} and inbox rows after ${days(retention.inboxS)}: ` +
            'an older saga shows only what is left (state transitions stay).',
        ]
      : []),
    ...answers.flatMap((a) => ('error' in a ? [`${a.service} is unavailable (${a.error}): its part is missing.`] : [])),
    ...(deadLetters.error ? [`The DLQ scan failed (${deadLetters.error}).`] : []),
    ...(deadLetters.complete ? [] : ['The DLQ scan was cut short (limit or time): older dead letters may be missing.']),
  ]
}

/** Merges every service's answer and the saga's dead letters into one timeline. */
export function buildTimeline(input: {
  orderId: string
  answers: ServiceAnswer[]
  deadLetters: SagaEntry[]
  scan: SagaTimeline['deadLetters']
}): SagaTimeline {
  const { answers } = input
  const entries = answers.flatMap((a) => ('view' in a ? entriesOf(a.view) : []))
  return {
    orderId: input.orderId,
    generatedAt: new Date().toISOString(),
    entries: causalOrder([...entries, ...input.deadLetters]),
    states: answers.map((a) =>
      'view' in a
        ? { service: a.service, available: true, transitions: a.view.states }
        : { service: a.service, available: false, error: a.error, transitions: [] },
    ),
    deadLetters: input.scan,
    notes: notesOf(answers, input.scan),
  }
}

/** True when nobody knows the order: every service answered and none has a row of it, and no dead letter names it. */
export const isUnknown = (timeline: SagaTimeline): boolean =>
  timeline.entries.length === 0 && timeline.states.every((s) => s.available)
