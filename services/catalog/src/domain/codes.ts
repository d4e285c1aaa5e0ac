/** Four uppercase hex characters, as the original took from a random UUID. */
const randomHex4 = () => crypto.randomUUID().slice(0, 4).toUpperCase()

const categoryCodeLength = 50

/** Category code (original §3.2): `NAME_UPPERCASED_WITH_UNDERSCORES_XXXX`, cut to fit its 50-character column. */
export function categoryCode(name: string): string {
  const stem = name.toUpperCase().replaceAll(' ', '_')
  return `${stem.slice(0, categoryCodeLength - 5)}_${randomHex4()}`
}

const yyyymmdd = (now: Date) => now.toISOString().slice(0, 10).replaceAll('-', '')

/** Product code (original §3.2): first 4 chars of the category code or `PRD`, the UTC date, 4 hex chars. */
export function productCode(category: { code: string } | undefined, now: Date): string {
  const prefix = category ? category.code.slice(0, 4).toUpperCase() : 'PRD'
  return `${prefix}-${yyyymmdd(now)}-${randomHex4()}`
}
