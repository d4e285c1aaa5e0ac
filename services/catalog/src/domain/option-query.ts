import { CommonErrors } from '@commerce/platform/http'
import { CatalogErrors } from './errors'

const maxGroups = 5 // a product has at most 5 option groups (SPEC §4)
const maxNameLength = 100 // product_option_groups.name, product_options.name

/** `?<group>=<option>…` of a SKU lookup as an option map: none → 400, more than 5, over-long or repeated → 400. */
export function parseOptionQuery(search: URLSearchParams): Record<string, string> {
  // A Map, not an object: a group named `__proto__` must stay data.
  const optionValues = new Map<string, string>()
  let count = 0
  for (const [group, option] of search) {
    if (++count > maxGroups) throw CatalogErrors.invalidFilter(`at most ${maxGroups} options`)
    if (group.length > maxNameLength || option.length > maxNameLength) {
      throw CatalogErrors.invalidFilter(`option names are at most ${maxNameLength} characters`)
    }
    if (optionValues.has(group)) throw CatalogErrors.invalidFilter('an option group is given twice')
    optionValues.set(group, option)
  }
  if (count === 0) throw CommonErrors.missingParameter('options (?<group>=<option>…)')
  return Object.fromEntries(optionValues)
}
