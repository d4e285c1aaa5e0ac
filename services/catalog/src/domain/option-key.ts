/**
 * The canonical JSON of a SKU's option values, keys sorted by code unit (`skus.optionKey`): the same options in any
 * order give the same string, so a lookup by options is one indexed equality.
 */
export function canonicalOptionKey(optionValues: Record<string, string>): string {
  const sorted = Object.keys(optionValues)
    .sort()
    .map((key) => [key, optionValues[key]])
  return JSON.stringify(Object.fromEntries(sorted))
}
