import { CommonErrors } from '../http/common-errors'

/** One connector as Kafka Connect reports it. */
export interface ConnectorView {
  name: string
  type: string
  state: string
  workerId: string
  tasks: { id: number; state: string; workerId: string; trace?: string }[]
}

interface ConnectStatus {
  status: {
    type?: string
    connector: { state: string; worker_id: string }
    tasks: { id: number; state: string; worker_id: string; trace?: string }[]
  }
}

/** Every connector with its state and its tasks' states, from one `GET /connectors?expand=status`. */
export async function connectorStates(connectUrl: string, timeoutMs: number): Promise<ConnectorView[]> {
  let response: Response
  try {
    response = await fetch(`${connectUrl}/connectors?expand=status`, { signal: AbortSignal.timeout(timeoutMs) })
  } catch (error) {
    throw CommonErrors.unavailable('Kafka Connect is unreachable', { cause: error })
  }
  if (!response.ok) throw CommonErrors.unavailable(`Kafka Connect answered ${response.status}`)
  const body = (await response.json()) as Record<string, ConnectStatus>
  return Object.entries(body)
    .map(([name, { status }]) => ({
      name,
      type: status.type ?? 'unknown',
      state: status.connector.state,
      workerId: status.connector.worker_id,
      tasks: status.tasks.map((t) => ({
        id: t.id,
        state: t.state,
        workerId: t.worker_id,
        // The first line of a failed task's stack trace says what broke; the rest is for the Connect log.
        ...(t.trace ? { trace: t.trace.split('\n')[0] ?? '' } : {}),
      })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name))
}
