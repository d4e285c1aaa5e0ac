/**
 * The listed fields of a partial change that are present. Named, not spread: whatever else a body carries (an id,
 * a status, a foreign key) never reaches an UPDATE.
 */
export function pickDefined<T extends object, K extends keyof T>(change: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {}
  for (const key of keys) if (change[key] !== undefined) picked[key] = change[key]
  return picked
}
