import { type Static, type TObject, type TProperties, Type } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

/** Thrown at start-up with every problem in the environment listed, one per line. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Reads `env` once against `schema` (clean, default, convert), fails listing all errors, returns a frozen object. */
export function loadConfig<P extends TProperties>(
  properties: P,
  env: Record<string, string | undefined> = process.env,
): Readonly<Static<TObject<P>>> {
  const schema = Type.Object(properties)
  const value = Value.Convert(schema, Value.Default(schema, Value.Clean(schema, { ...env })))
  const errors = [...Value.Errors(schema, value)]
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.path.slice(1) || '(root)'}: ${e.message}`)
    throw new ConfigError(`Invalid configuration:\n${[...new Set(lines)].join('\n')}`)
  }
  return Object.freeze(value as Static<TObject<P>>)
}

export * from './fragments'
