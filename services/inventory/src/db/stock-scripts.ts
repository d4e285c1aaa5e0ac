/**
 * The Lua scripts that move stock in Redis (SPEC §7). Each runs atomically, so no two interleave: that is the whole
 * of "no oversell". Each is idempotent — per order for reservations (the `inventory:reservation:{orderId}` hash
 * remembers the outcome), per operation for the rest (an `inventory:applied:{opKey}` marker remembers the result for
 * a while) — so a redelivery after a crash between the script and the MariaDB commit gets the same answer and the
 * commit converges to one movement (STYLE §5.3).
 *
 * Every script first checks `inventory:ready`, which only a rebuild from MariaDB sets: after a Redis flush the
 * scripts answer NOT_READY (the consumer retries) instead of "unknown SKU" for every order.
 *
 * Items cross into Lua as `[{"sku":"12","qty":3}]`: ids as strings, because Lua's numbers print large ids in
 * exponent form and key names are built from them. Answers are JSON strings; failed items are reported by their index.
 */

const readyCheck = `if redis.call('EXISTS', KEYS[1]) == 0 then return cjson.encode({status = 'NOT_READY'}) end`

const stockKey = `local function stock_key(sku) return ARGV[1] .. 'stock:' .. sku end`
const reservedKey = `local function reserved_key(sku) return ARGV[1] .. 'reserved:' .. sku end`

/** The stored outcome of an order that already has a reservation record (any status). */
const existing = `
local function existing(status)
  local f = redis.call('HMGET', KEYS[2], 'items', 'expiresAt', 'failure')
  return cjson.encode({status = status, replay = true, items = f[1], expiresAt = f[2], failure = f[3]})
end`

/**
 * KEYS: ready, reservation. ARGV: prefix, items JSON, expiresAt (ms), retention (s) for a FAILED record.
 * All items or none: checks every item, then moves every item. A FAILED outcome is remembered too, so a redelivery
 * cannot reserve what a first delivery already refused.
 */
export const reserveScript = `
${readyCheck}
${stockKey}
${reservedKey}
${existing}
local status = redis.call('HGET', KEYS[2], 'status')
if status then return existing(status) end
local items = cjson.decode(ARGV[2])
local failed = {}
local missing = false
for i, item in ipairs(items) do
  local available = redis.call('GET', stock_key(item.sku))
  if not available then
    missing = true
    failed[#failed + 1] = {index = i, available = -1}
  elseif tonumber(available) < item.qty then
    failed[#failed + 1] = {index = i, available = tonumber(available)}
  end
end
if #failed > 0 then
  local failure = cjson.encode({reason = missing and 'SKU_NOT_FOUND' or 'NOT_ENOUGH_STOCK', failed = failed})
  redis.call('HSET', KEYS[2], 'status', 'FAILED', 'items', ARGV[2], 'failure', failure)
  redis.call('EXPIRE', KEYS[2], ARGV[4])
  return cjson.encode({status = 'FAILED', replay = false, items = ARGV[2], failure = failure})
end
for _, item in ipairs(items) do
  redis.call('DECRBY', stock_key(item.sku), item.qty)
  redis.call('INCRBY', reserved_key(item.sku), item.qty)
end
redis.call('HSET', KEYS[2], 'status', 'RESERVED', 'items', ARGV[2], 'expiresAt', ARGV[3])
return cjson.encode({status = 'RESERVED', replay = false, items = ARGV[2], expiresAt = ARGV[3]})
`

/**
 * KEYS: ready, reservation. ARGV: prefix, retention (s). RESERVED → CONFIRMED: the reserved units become sold
 * (available was already reduced at reserve time). Any other status answers as it stands.
 */
export const confirmScript = `
${readyCheck}
${reservedKey}
${existing}
local status = redis.call('HGET', KEYS[2], 'status')
if not status then return cjson.encode({status = 'MISSING'}) end
if status ~= 'RESERVED' then return existing(status) end
local items_json = redis.call('HGET', KEYS[2], 'items')
local items = cjson.decode(items_json)
for _, item in ipairs(items) do
  if tonumber(redis.call('GET', reserved_key(item.sku)) or '0') < item.qty then
    return cjson.encode({status = 'NOT_ENOUGH_RESERVED', items = items_json})
  end
end
for _, item in ipairs(items) do redis.call('DECRBY', reserved_key(item.sku), item.qty) end
redis.call('HSET', KEYS[2], 'status', 'CONFIRMED')
redis.call('EXPIRE', KEYS[2], ARGV[2])
return cjson.encode({status = 'CONFIRMED', replay = false, items = items_json})
`

/**
 * KEYS: ready, reservation. ARGV: prefix, retention (s), new status (RELEASED or EXPIRED), now (ms; EXPIRED only:
 * a reservation not yet due answers NOT_DUE). RESERVED → the units go back on sale. No record at all → a CANCELLED
 * tombstone, so an `order.placed` that arrives after its cancellation never reserves.
 */
export const releaseScript = `
${readyCheck}
${stockKey}
${reservedKey}
${existing}
local status = redis.call('HGET', KEYS[2], 'status')
if not status then
  if ARGV[3] == 'EXPIRED' then return cjson.encode({status = 'MISSING'}) end
  redis.call('HSET', KEYS[2], 'status', 'CANCELLED', 'items', '[]')
  redis.call('EXPIRE', KEYS[2], ARGV[2])
  return cjson.encode({status = 'CANCELLED', replay = false, items = '[]'})
end
if status ~= 'RESERVED' then return existing(status) end
if ARGV[3] == 'EXPIRED' and tonumber(redis.call('HGET', KEYS[2], 'expiresAt')) > tonumber(ARGV[4]) then
  return cjson.encode({status = 'NOT_DUE'})
end
local items_json = redis.call('HGET', KEYS[2], 'items')
for _, item in ipairs(cjson.decode(items_json)) do
  redis.call('INCRBY', stock_key(item.sku), item.qty)
  redis.call('DECRBY', reserved_key(item.sku), item.qty)
end
redis.call('HSET', KEYS[2], 'status', ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[2])
local f = redis.call('HMGET', KEYS[2], 'expiresAt')
return cjson.encode({status = ARGV[3], replay = false, items = items_json, expiresAt = f[1]})
`

/**
 * KEYS: ready, marker. ARGV: prefix, sku, delta, memory (s), floor check ('1' = refuse a result below zero).
 * Adds `delta` to one SKU's available stock once per marker: the adjust endpoint, a refund's restock. Unknown SKU →
 * MISSING; a result below zero → NEGATIVE (nothing changes). The applied result is remembered under the marker.
 */
export const addScript = `
${readyCheck}
${stockKey}
${reservedKey}
local done = redis.call('GET', KEYS[2])
if done then return done end
local available = redis.call('GET', stock_key(ARGV[2]))
if not available then return cjson.encode({status = 'MISSING'}) end
local delta = tonumber(ARGV[3])
if ARGV[5] == '1' and tonumber(available) + delta < 0 then
  return cjson.encode({status = 'NEGATIVE', available = tonumber(available)})
end
local after = redis.call('INCRBY', stock_key(ARGV[2]), delta)
local reserved = tonumber(redis.call('GET', reserved_key(ARGV[2])) or '0')
local result = cjson.encode({status = 'APPLIED', available = after, reserved = reserved})
redis.call('SET', KEYS[2], result, 'EX', ARGV[4])
return result
`

/**
 * KEYS: ready, marker. ARGV: prefix, sku, initial quantity, memory (s). Creates a SKU's stock once; a SKU that
 * already has stock (created before, or restored by a rebuild) answers EXISTS and keeps what it has.
 */
export const initializeScript = `
${readyCheck}
${stockKey}
${reservedKey}
local done = redis.call('GET', KEYS[2])
if done then return done end
if redis.call('EXISTS', stock_key(ARGV[2])) == 1 then return cjson.encode({status = 'EXISTS'}) end
redis.call('SET', stock_key(ARGV[2]), ARGV[3])
redis.call('SET', reserved_key(ARGV[2]), 0)
local result = cjson.encode({status = 'CREATED', available = tonumber(ARGV[3]), reserved = 0})
redis.call('SET', KEYS[2], result, 'EX', ARGV[4])
return result
`
