import { CatalogErrors } from './errors'
import { type GroupDef, optionKey, optionLimits, skuCount } from './skus'

// The `option_key` column's width; only names full of characters JSON escapes can reach it.
const optionKeyLength = 700

const duplicates = (names: string[]) => names.filter((name, i) => names.indexOf(name) !== i)

/** Checks a product's whole option set: limits (5 / 20 / 500) and unique names → CATALOG-400-001 / -002. */
export function checkOptionSet(groups: GroupDef[]): void {
  if (groups.length > optionLimits.groups) {
    throw CatalogErrors.optionLimit(`at most ${optionLimits.groups} option groups`)
  }
  const crowded = groups.find((g) => g.options.length > optionLimits.optionsPerGroup)
  if (crowded) throw CatalogErrors.optionLimit(`at most ${optionLimits.optionsPerGroup} options per group`)
  const count = skuCount(groups)
  if (count > optionLimits.skus) throw CatalogErrors.optionLimit(`at most ${optionLimits.skus} SKUs (got ${count})`)
  const groupNames = duplicates(groups.map((g) => g.name))
  if (groupNames.length > 0) throw CatalogErrors.duplicateOption(`option group "${groupNames[0]}" twice`)
  for (const group of groups) {
    const names = duplicates(group.options.map((o) => o.name))
    if (names.length > 0) throw CatalogErrors.duplicateOption(`option "${names[0]}" twice in "${group.name}"`)
  }
  const widest = Object.fromEntries(groups.map((g) => [g.name, longestName(g)]))
  if (optionKey(widest).length > optionKeyLength) throw CatalogErrors.optionLimit('option names are too long')
}

const longestName = (group: GroupDef) =>
  group.options.reduce(
    (longest, o) => (JSON.stringify(o.name).length > JSON.stringify(longest).length ? o.name : longest),
    '',
  )
