/** Limits on a product's options (original §3.2): beyond them the request is refused with a 400. */
export const optionLimits = { groups: 5, optionsPerGroup: 20, skus: 500 } as const

export interface OptionDef {
  id: number
  name: string
  additionalPrice: number
  ordering: number
}

export interface GroupDef {
  name: string
  ordering: number
  options: OptionDef[]
}

/** One combination of options: its option values (group name → option name), surcharge and option ids. */
export interface Combination {
  optionValues: Record<string, string>
  surcharge: number
  optionIds: number[]
}

const byOrdering = <T extends { ordering: number; id?: number }>(a: T, b: T) =>
  a.ordering - b.ordering || (a.id ?? 0) - (b.id ?? 0)

/** How many SKUs a set of groups makes (empty groups contribute nothing). */
export const skuCount = (groups: GroupDef[]) =>
  groups.filter((g) => g.options.length > 0).reduce((product, g) => product * g.options.length, 1)

/** The Cartesian product of the groups by `ordering` (options too); no groups → one combination with no options. */
export function combinations(groups: GroupDef[]): Combination[] {
  const ordered = groups.filter((g) => g.options.length > 0).sort(byOrdering)
  let result: Combination[] = [{ optionValues: {}, surcharge: 0, optionIds: [] }]
  for (const group of ordered) {
    const options = [...group.options].sort(byOrdering)
    result = result.flatMap((partial) =>
      options.map((option) => ({
        optionValues: { ...partial.optionValues, [group.name]: option.name },
        surcharge: partial.surcharge + option.additionalPrice,
        optionIds: [...partial.optionIds, option.id],
      })),
    )
  }
  return result
}

/** The option values' keys in the original's order (UTF-16 code units, like Kotlin's `sorted()`). */
const sortedKeys = (values: Record<string, string>) => Object.keys(values).sort()

/** Canonical JSON of option values (keys sorted): the `optionKey` column and the stored `optionValues`. */
export function optionKey(values: Record<string, string>): string {
  return JSON.stringify(Object.fromEntries(sortedKeys(values).map((key) => [key, values[key]])))
}

/** Java's `String.hashCode` (signed 32-bit over UTF-16 code units). */
export function javaHashCode(text: string): number {
  let hash = 0
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0
  return hash
}

const skuCodeLength = 150

/**
 * SKU business code (original §3.2): `productCode-<values by group name joined by "-">-<hex hash of that join>`,
 * the join cut so the code fits its column (the hash is of the whole join). A product without options: `-DEFAULT`.
 */
export function skuCode(productCode: string, values: Record<string, string>): string {
  const keys = sortedKeys(values)
  if (keys.length === 0) return `${productCode}-DEFAULT`
  const joined = keys.map((key) => values[key]).join('-')
  // Kotlin's Int.toString(16) keeps the sign of a negative hash; so does JavaScript's.
  const hash = javaHashCode(joined).toString(16).toUpperCase()
  const room = skuCodeLength - productCode.length - hash.length - 2
  return `${productCode}-${joined.slice(0, room)}-${hash}`
}
