import { describe, expect, test } from 'bun:test'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dir, '../../..')

interface AlertRule {
  alert?: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
}
interface AlertTest {
  alertname: string
  exp_alerts?: unknown[]
}

const yamlFiles = (dir: string) =>
  readdirSync(join(import.meta.dir, dir))
    .filter((name) => name.endsWith('.yml'))
    .map((name) => Bun.YAML.parse(readFileSync(join(import.meta.dir, dir, name), 'utf8')))

const alerts = (yamlFiles('rules') as { groups: { rules: AlertRule[] }[] }[]).flatMap((file) =>
  file.groups.flatMap((group) => group.rules.filter((rule) => rule.alert)),
)
const alertTests = (yamlFiles('tests') as { tests: { alert_rule_test?: AlertTest[] }[] }[]).flatMap((file) =>
  file.tests.flatMap((t) => t.alert_rule_test ?? []),
)

/** `HttpErrorBudgetBurn` → `http-error-budget-burn`. */
const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()
/** Runbooks named by the issue rather than by the alert (written with the DLQ tooling). */
const runbookNames: Record<string, string> = { DlqNotEmpty: 'dlq' }

describe('alert rules', () => {
  test('when an alert is defined, then it has a severity, a summary, a description and its runbook exists', () => {
    const problems = alerts.flatMap((rule) => {
      const name = rule.alert ?? ''
      const runbook = `docs/runbooks/${runbookNames[name] ?? kebab(name)}.md`
      return [
        ['critical', 'warning'].includes(rule.labels?.['severity'] ?? '') ? [] : [`${name}: severity`],
        rule.annotations?.['summary'] ? [] : [`${name}: summary`],
        rule.annotations?.['description'] ? [] : [`${name}: description`],
        rule.annotations?.['runbook_url'] === runbook ? [] : [`${name}: runbook_url should be ${runbook}`],
        existsSync(join(root, runbook)) ? [] : [`${name}: ${runbook} does not exist`],
      ].flat()
    })
    expect(problems).toEqual([])
  })

  test('when an alert is defined, then promtool tests show it firing and not firing', () => {
    const untested = [...new Set(alerts.map((rule) => rule.alert ?? ''))].flatMap((name) => {
      const cases = alertTests.filter((t) => t.alertname === name)
      return [
        cases.some((t) => (t.exp_alerts ?? []).length > 0) ? [] : [`${name}: no firing case`],
        cases.some((t) => (t.exp_alerts ?? []).length === 0) ? [] : [`${name}: no quiet case`],
      ].flat()
    })
    expect(untested).toEqual([])
  })
})
