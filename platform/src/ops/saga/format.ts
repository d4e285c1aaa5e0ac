import type { SagaEntry, SagaTimeline } from './timeline'

const what: Record<SagaEntry['kind'], string> = {
  event: 'published',
  consumed: 'consumed',
  parked: 'PARKED',
  'dead-letter': 'DEAD-LETTER',
  state: 'state',
}

// HH:MM:SS.mmm of the ISO time, with the date once per day change.
function clock(at: string, previous: string | undefined): string {
  const day = at.slice(0, 10)
  const time = at.slice(11, 23)
  return previous?.slice(0, 10) === day ? `           ${time}` : `${day} ${time}`
}

function lineOf(entry: SagaEntry, previous: string | undefined): string {
  const subject = entry.type ?? ''
  const by = entry.consumer && entry.consumer !== entry.service ? ` by ${entry.consumer}` : ''
  const cause = entry.kind === 'event' && entry.causationId ? ` ← ${entry.causationId.slice(0, 13)}` : ''
  const id = entry.id ? ` [${entry.id.slice(0, 13)}]` : ''
  const detail = entry.detail && entry.kind !== 'event' ? `  ${entry.detail}` : ''
  const outcome = entry.kind === 'state' ? '' : id + cause
  return `${clock(entry.at, previous)}  ${entry.service.padEnd(9)}  ${what[entry.kind].padEnd(11)}  ${subject}${by}${outcome}${detail}`
}

/** The timeline for a person: one line per entry (time, service, what, type, id ← cause, outcome), then notes. */
export function formatTimeline(timeline: SagaTimeline): string {
  const lines = [`Saga of order ${timeline.orderId} (as of ${timeline.generatedAt})`, '']
  let previous: string | undefined
  for (const entry of timeline.entries) {
    lines.push(lineOf(entry, previous))
    previous = entry.at
  }
  if (timeline.entries.length === 0) lines.push('(nothing found)')
  const down = timeline.states.filter((s) => !s.available)
  const scan = timeline.deadLetters
  lines.push(
    '',
    `Services asked: ${timeline.states.map((s) => (s.available ? s.service : `${s.service} (unavailable)`)).join(', ')}`,
    `DLQs scanned: ${scan.topics.length} topics, ${scan.scanned} records${scan.complete ? '' : ' (incomplete)'}`,
    ...(down.length || timeline.notes.length ? [''] : []),
    ...timeline.notes.map((n) => `Note: ${n}`),
  )
  return `${lines.join('\n')}\n`
}
