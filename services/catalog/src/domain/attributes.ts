import { CatalogErrors } from './errors'

export const attributeTypes = ['STRING', 'NUMBER', 'BOOLEAN', 'ENUM'] as const
export type AttributeType = (typeof attributeTypes)[number]

/** An attribute definition as the rules see it. */
export interface AttributeDef {
  name: string
  type: AttributeType
  options: string[] | null
}

/** An ENUM needs at least one option (distinct); other types take none. → 400 CATALOG-400-004. */
export function checkDefinition(def: AttributeDef): void {
  const options = def.options ?? []
  if (def.type === 'ENUM' && options.length === 0) throw CatalogErrors.invalidAttribute('an ENUM needs options')
  if (def.type !== 'ENUM' && options.length > 0) throw CatalogErrors.invalidAttribute('only an ENUM has options')
  if (new Set(options).size !== options.length) throw CatalogErrors.invalidAttribute('options must be distinct')
}

const numberPattern = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/

/** Checks a product's value against its attribute's type (400 CATALOG-400-003, the original's 500). */
export function checkValue(def: AttributeDef, value: string): void {
  const fail = (expected: string) =>
    CatalogErrors.invalidAttributeValue(`"${def.name}" expects ${expected}, got "${value.slice(0, 50)}"`)
  if (def.type === 'NUMBER' && !numberPattern.test(value)) throw fail('a number')
  if (def.type === 'BOOLEAN' && value !== 'true' && value !== 'false') throw fail('true or false')
  if (def.type === 'ENUM' && !(def.options ?? []).includes(value))
    throw fail(`one of ${(def.options ?? []).join(', ')}`)
  if (def.type === 'STRING' && value.trim() === '') throw fail('a non-blank text')
}
