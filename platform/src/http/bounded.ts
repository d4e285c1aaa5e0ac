import type { IntegerOptions, StringOptions } from '@sinclair/typebox'
import { t } from 'elysia'

/** The largest id a route accepts: exact in a JS number and inside MariaDB's BIGINT UNSIGNED. */
export const maxId = Number.MAX_SAFE_INTEGER

/** An integer with both bounds set (defaults: ±2^53-1), so `1e23` or `-1e300` is a 400, never a query. */
export const SafeInteger = (options: IntegerOptions = {}) =>
  t.Integer({ minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER, ...options })

/** An entity id (SPEC §4: integers): 1..2^53-1. */
export const Id = (options: IntegerOptions = {}) => SafeInteger({ minimum: 1, maximum: maxId, ...options })

/** Path params `{ id }` of a `/:id` route. */
export const IdParam = t.Object({ id: Id() })

/** A string with a required `maxLength` (match the column it lands in), the empty string allowed. */
export const Text = (maxLength: number, options: Omit<StringOptions, 'maxLength'> = {}) =>
  t.String({ ...options, maxLength })

/** A non-empty string of at most `maxLength` characters. */
export const NonEmptyText = (maxLength: number, options: Omit<StringOptions, 'maxLength' | 'minLength'> = {}) =>
  t.String({ ...options, minLength: 1, maxLength })
