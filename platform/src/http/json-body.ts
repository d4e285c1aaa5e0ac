import { CommonErrors } from './common-errors'

/**
 * How deeply a JSON request body may nest. Ours nest four levels at most; past that only an attacker goes, and the
 * validator's and the error reporter's work grows with depth (a 100 KB body of 50 000 brackets held a service's
 * event loop for 25 s and ended in a 500, found by the fuzz tier: e2e/fuzz).
 */
export const maxJsonDepth = 32

/** Whether `text` (JSON) opens more than `limit` arrays or objects inside each other; stops as soon as it does. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // a backslash escapes the next character, a quote included
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      depth++
      if (depth > limit) return true
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return false
}

/**
 * Parses a JSON request body before Elysia does: every route takes a JSON object, so malformed text and nesting past
 * maxJsonDepth are 400 COMMON-400-001, and another JSON type is 400 COMMON-400-004 (field `body`), before a validator
 * sees it. Elysia's own
 * parser drops malformed JSON silently on routes whose body is optional. An empty body is left to Elysia (undefined).
 */
export async function parseJsonBody(request: Request): Promise<Record<string, unknown> | undefined> {
  const text = await request.text()
  if (text.trim() === '') return undefined
  if (nestsDeeperThan(text, maxJsonDepth)) {
    throw CommonErrors.malformedJson({ details: `Request body nests deeper than ${maxJsonDepth} levels` })
  }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw CommonErrors.malformedJson({ details: 'Invalid request body' })
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    // Well-formed JSON of the wrong type is the body failing its schema, as a validator would say it.
    const type = body === null ? 'null' : Array.isArray(body) ? 'array' : typeof body
    throw CommonErrors.validation([{ field: 'body', value: type, reason: 'Expected a JSON object' }])
  }
  return body as Record<string, unknown>
}
