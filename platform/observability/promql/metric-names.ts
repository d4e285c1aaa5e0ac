// The metric names a PromQL expression reads: what the dashboard and alert check compares with what targets expose.
// A small tokenizer rather than a parser: it only has to tell metric names from everything else that looks like an
// identifier — functions, aggregations, keywords, label names in matchers and in by/without/on/ignoring/group_*
// lists, durations, Grafana variables — and it fails loudly on input it does not understand.

/** Aggregation operators: never metric names, whether `sum(x)` or `sum by (job) (x)`. */
const aggregations = new Set([
  'sum',
  'min',
  'max',
  'avg',
  'group',
  'stddev',
  'stdvar',
  'count',
  'count_values',
  'bottomk',
  'topk',
  'quantile',
  'limitk',
  'limit_ratio',
])
/** Keywords and binary operators spelled as words. */
const keywords = new Set(['and', 'or', 'unless', 'atan2', 'bool', 'offset', 'inf', 'nan', 'start', 'end'])
/** Modifiers followed by a parenthesised list of label names. */
const labelListModifiers = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right'])

const identifier = /^[a-zA-Z_:][a-zA-Z0-9_:]*/
const number = /^(0x[0-9a-fA-F]+|[0-9]*\.?[0-9]+([eE][+-]?[0-9]+)?)[a-zA-Z0-9]*/
const grafanaVariable = /^\$(\{[^}]*\}|[a-zA-Z0-9_]+)/

/** Every metric name `expr` selects, sorted and unique (`{__name__="x"}` counts as `x`). */
export function metricNames(expr: string): string[] {
  const names = new Set<string>()
  let rest = expr
  while (rest.length > 0) {
    const consumed = skipNoise(rest) ?? readSelectorOrWord(rest, names)
    if (consumed === 0) throw new Error(`PromQL: cannot read ${JSON.stringify(rest.slice(0, 20))} in ${expr}`)
    rest = rest.slice(consumed)
  }
  return [...names].sort()
}

/** Whitespace, comments, strings, numbers, durations, Grafana variables, operators: how many characters to skip. */
function skipNoise(text: string): number | undefined {
  const first = text[0] ?? ''
  if (/\s/.test(first)) return 1
  if (first === '#') return lineEnd(text)
  if (first === '"' || first === "'" || first === '`') return stringEnd(text)
  if (first === '[') return closing(text, '[', ']')
  const matched = number.exec(text) ?? grafanaVariable.exec(text)
  if (matched) return matched[0].length
  if ('()+-*/%^=!<>,@'.includes(first)) return 1
  return undefined
}

/** An identifier: a metric name (with its matchers), or a word that is not one (and the label list it governs). */
function readSelectorOrWord(text: string, names: Set<string>): number {
  if (text[0] === '{') return readMatchers(text, names)
  const word = identifier.exec(text)?.[0]
  if (!word) return 0
  const after = text.slice(word.length)
  const next = after.trimStart()
  const gap = after.length - next.length
  // `group_left` may stand without a list; `by`, `on`… may not, but then the parser would have refused the query
  if (labelListModifiers.has(word))
    return next.startsWith('(') ? word.length + gap + closing(next, '(', ')') : word.length
  if (aggregations.has(word) || keywords.has(word.toLowerCase()) || next.startsWith('(')) return word.length
  names.add(word)
  return next.startsWith('{') ? word.length + gap + readMatchers(next, new Set()) : word.length
}

/** `{label="v", …}`: label names are not metrics, except a `__name__` equality matcher. */
function readMatchers(text: string, names: Set<string>): number {
  const end = closing(text, '{', '}')
  const byName = /__name__\s*=\s*(["'`])([a-zA-Z_:][a-zA-Z0-9_:]*)\1/.exec(text.slice(0, end))
  if (byName?.[2]) names.add(byName[2])
  return end
}

/** Length up to and including the bracket that closes the one `text` starts with (strings inside skipped). */
function closing(text: string, open: string, close: string): number {
  let depth = 0
  for (let i = 0; i < text.length; ) {
    const char = text[i]
    if (char === '"' || char === "'" || char === '`') {
      i += stringEnd(text.slice(i))
      continue
    }
    if (char === open) depth++
    if (char === close && --depth === 0) return i + 1
    i++
  }
  throw new Error(`PromQL: unclosed ${open} in ${text}`)
}

function stringEnd(text: string): number {
  const quote = text[0]
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\' && quote !== '`') i++
    else if (text[i] === quote) return i + 1
  }
  throw new Error(`PromQL: unterminated string in ${text}`)
}

function lineEnd(text: string): number {
  const end = text.indexOf('\n')
  return end === -1 ? text.length : end + 1
}
