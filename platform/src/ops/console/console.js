// The operator console: vanilla JS, no build step. The access token lives in this closure only (never storage).
;(() => {
  let token = null
  let selectedTopic = null
  const $ = (selector) => document.querySelector(selector)

  function cell(text, className) {
    const td = document.createElement('td')
    td.textContent = text === null || text === undefined ? '' : String(text)
    if (className) td.className = className
    return td
  }
  function row(cells, attributes = {}) {
    const tr = document.createElement('tr')
    for (const c of cells) tr.append(c)
    for (const [name, value] of Object.entries(attributes)) tr.setAttribute(name, value)
    return tr
  }
  function button(label, onClick) {
    const b = document.createElement('button')
    b.type = 'button'
    b.textContent = label
    b.addEventListener('click', onClick)
    return b
  }
  function fill(table, rows) {
    const body = $(`${table} tbody`)
    body.replaceChildren(...rows)
  }

  async function api(path, options = {}) {
    const headers = { authorization: `Bearer ${token}` }
    if (options.body) headers['content-type'] = 'application/json'
    const response = await fetch(path, { ...options, headers })
    const body = await response.json().catch(() => ({}))
    if (response.status === 401 || response.status === 403) {
      showLogin(response.status === 401 ? 'Your session ended: log in again.' : 'This console is for administrators.')
      throw new Error(body.error?.code ?? String(response.status))
    }
    if (!body.success) throw new Error(`${body.error?.code ?? response.status}: ${body.error?.message ?? ''}`)
    return body.data
  }

  function showLogin(message) {
    token = null
    $('#app').hidden = true
    $('#refresh').hidden = true
    $('#logout').hidden = true
    $('#who').textContent = ''
    $('#login').hidden = false
    $('#login-error').textContent = message ?? ''
  }

  async function renderConnectors() {
    const connectors = await api('/api/ops/connectors')
    fill(
      '#connectors',
      connectors.map((c) =>
        row(
          [
            cell(c.name),
            cell(c.type),
            cell(c.state, `state-${c.state}`),
            cell(c.tasks.map((t) => `${t.id}: ${t.state}${t.trace ? ` (${t.trace})` : ''}`).join(', ') || 'none'),
          ],
          { 'data-connector': c.name },
        ),
      ),
    )
  }

  async function renderGroups() {
    const groups = await api('/api/ops/consumer-groups')
    const all = $('#groups-all').checked
    const rows = []
    for (const g of groups.filter((g) => all || g.members.length > 0)) {
      const parts = g.partitions.length > 0 ? g.partitions : [null]
      parts.forEach((p, i) => {
        const head = i === 0
        rows.push(
          row(
            [
              cell(head ? g.groupId : ''),
              cell(head ? g.state : ''),
              cell(head ? g.members.length : '', 'num'),
              cell(p?.topic),
              cell(p?.partition, 'num'),
              cell(p?.committed, 'num'),
              cell(p?.end, 'num'),
              cell(p?.lag, p && p.lag > 0 ? 'num lagging' : 'num'),
            ],
            { 'data-group': g.groupId },
          ),
        )
      })
    }
    fill('#groups', rows)
  }

  async function replay(request) {
    $('#dlq-result').textContent = 'replaying…'
    try {
      const r = await api('/api/ops/dlq/replay', { method: 'POST', body: JSON.stringify(request) })
      $('#dlq-result').textContent =
        `${r.topic}: moved ${r.moved}, kept ${r.kept}; pending ${r.pendingBefore} → ${r.pendingAfter}`
      await renderDlq()
    } catch (error) {
      $('#dlq-result').textContent = `replay failed: ${error.message}`
    }
  }

  async function renderDlq() {
    const topics = await api('/api/ops/dlq/topics')
    fill(
      '#dlq-topics',
      topics.map((t) => {
        const actions = document.createElement('td')
        actions.append(
          button('Show', () => {
            selectedTopic = t.topic
            void renderLetters()
          }),
        )
        if (t.pending > 0) actions.append(button('Replay all', () => replay({ topic: t.topic })))
        return row([cell(t.topic), cell(t.total, 'num'), cell(t.pending, 'num pending'), actions], {
          'data-topic': t.topic,
        })
      }),
    )
    if (selectedTopic) await renderLetters()
  }

  async function renderLetters() {
    const { letters } = await api(`/api/ops/dlq?topic=${encodeURIComponent(selectedTopic)}`)
    const all = $('#letters-all').checked
    $('#letters-title').textContent = selectedTopic
    fill(
      '#letters',
      letters
        .filter((l) => all || l.status === 'pending')
        .map((l) => {
          const actions = document.createElement('td')
          if (l.status === 'pending') {
            actions.append(
              button('Replay', () => replay({ topic: l.dlqTopic, partition: l.partition, offset: l.offset })),
            )
          }
          const original = l.originalTopic ? `${l.originalTopic}[${l.originalPartition}]@${l.originalOffset}` : ''
          return row(
            [
              cell(`${l.partition}:${l.offset}`),
              cell(l.status, `status-${l.status}`),
              cell(l.reason),
              cell(l.consumer),
              cell(original),
              cell(l.type),
              cell(l.eventId),
              cell(l.time),
              cell(l.failedAt),
              cell(l.rejectionReason ?? l.error),
              actions,
            ],
            { 'data-record': `${l.partition}:${l.offset}`, 'data-event-id': l.eventId ?? '' },
          )
        }),
    )
  }

  async function renderSaga(orderId) {
    $('#saga-error').textContent = ''
    $('#saga-entries thead').replaceChildren()
    fill('#saga-entries', [])
    $('#saga-states').textContent = ''
    try {
      const saga = await api(`/api/ops/sagas/${encodeURIComponent(orderId)}`)
      const entries = [...(saga.entries ?? [])].sort((a, b) => String(a.at).localeCompare(String(b.at)))
      // Whatever fields the entries carry: at, service, kind, type first, the rest in order of appearance.
      const columns = ['at', 'service', 'kind', 'type']
      for (const e of entries) for (const k of Object.keys(e)) if (!columns.includes(k)) columns.push(k)
      const head = document.createElement('tr')
      for (const c of columns) {
        const th = document.createElement('th')
        th.textContent = c
        head.append(th)
      }
      $('#saga-entries thead').replaceChildren(head)
      const show = (v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : v)
      fill(
        '#saga-entries',
        entries.map((e) => row(columns.map((c) => cell(show(e[c]))))),
      )
      // The rest of the answer (states per service, dead letters, notes…) as it comes.
      const { entries: _entries, ...rest } = saga
      $('#saga-states').textContent = JSON.stringify(rest, null, 2)
    } catch (error) {
      $('#saga-error').textContent = error.message
    }
  }

  async function refresh() {
    $('#app-error').textContent = ''
    const results = await Promise.allSettled([renderConnectors(), renderGroups(), renderDlq()])
    const failed = results.filter((r) => r.status === 'rejected').map((r) => r.reason.message)
    if (failed.length > 0) $('#app-error').textContent = failed.join('; ')
  }

  $('#login').addEventListener('submit', async (event) => {
    event.preventDefault()
    const form = new FormData(event.target)
    $('#login-error').textContent = ''
    const response = await fetch('/api/ops/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: form.get('email'), password: form.get('password') }),
    })
    const body = await response.json().catch(() => ({}))
    if (!body.success) {
      $('#login-error').textContent = body.error?.message ?? `login failed (${response.status})`
      return
    }
    token = body.data.accessToken
    event.target.reset()
    $('#login').hidden = true
    $('#app').hidden = false
    $('#refresh').hidden = false
    $('#logout').hidden = false
    $('#who').textContent = String(form.get('email'))
    await refresh()
  })
  // Connector states and lag move on their own: re-read them every 5 s while logged in (DLQs on demand).
  setInterval(() => {
    if (!token) return
    Promise.all([renderConnectors(), renderGroups()]).catch((error) => {
      $('#app-error').textContent = error.message
    })
  }, 5_000)
  $('#refresh').addEventListener('click', () => void refresh())
  $('#logout').addEventListener('click', () => showLogin())
  $('#groups-all').addEventListener('change', () => void renderGroups())
  $('#letters-all').addEventListener('change', () => void (selectedTopic && renderLetters()))
  $('#saga').addEventListener('submit', (event) => {
    event.preventDefault()
    void renderSaga(new FormData(event.target).get('orderId'))
  })
})()
