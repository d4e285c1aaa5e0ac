import { describe, expect, test } from 'bun:test'
import {
  type ReservationSide,
  reservationProblems,
  reservationSignature,
  type SkuState,
  skuProblems,
  skuSignature,
} from './drift'

const sku = (state: Partial<SkuState>): SkuState => ({
  skuId: 1,
  redis: { available: 5, reserved: 2 },
  balance: { available: 5, reserved: 2 },
  ledger: { available: 5, reserved: 2 },
  ...state,
})

const open = (expiresAt = 1000): ReservationSide => ({
  status: 'RESERVED',
  items: [{ skuId: 1, quantity: 2 }],
  expiresAt,
})

describe('skuProblems', () => {
  test('when Redis, the balance and the ledger agree, then there is none', () => {
    expect(skuProblems(sku({}))).toEqual([])
  })

  test('when each store differs, then each difference is named', () => {
    expect([
      skuProblems(sku({ redis: { available: 6, reserved: 2 } })),
      skuProblems(sku({ balance: { available: 5, reserved: 3 } })),
      skuProblems(sku({ redis: null })),
      skuProblems(sku({ balance: null, ledger: { available: 0, reserved: 0 } })),
      skuProblems(sku({ redis: { available: 5, reserved: null } })),
    ]).toEqual([
      ['redis-vs-balance'],
      ['redis-vs-balance', 'balance-vs-ledger'],
      ['missing-in-redis'],
      ['missing-in-mariadb'],
      ['redis-vs-balance'],
    ])
  })

  test('when traffic moves the totals but not the differences, then the signature stays the same', () => {
    const before = sku({ redis: { available: 8, reserved: 2 } })
    const after = sku({
      redis: { available: 6, reserved: 4 },
      balance: { available: 3, reserved: 4 },
      ledger: { available: 3, reserved: 4 },
    })
    const moved = sku({ redis: { available: 5, reserved: 2 }, balance: { available: 4, reserved: 3 } })
    const signature = (s: SkuState) => skuSignature(s, skuProblems(s))
    expect(signature(after)).toBe(signature(before))
    expect(signature(moved)).not.toBe(signature(before))
  })
})

describe('reservationProblems', () => {
  test('when neither store holds it open, then it is no drift, whatever else differs', () => {
    const confirmed = { ...open(), status: 'CONFIRMED' }
    expect(reservationProblems({ orderId: 1, redis: confirmed, mariadb: null })).toEqual([])
  })

  test('when one store holds it open and the other not, then that is named', () => {
    const released = { ...open(), status: 'RELEASED' }
    expect([
      reservationProblems({ orderId: 1, redis: null, mariadb: open() }),
      reservationProblems({ orderId: 1, redis: open(), mariadb: null }),
      reservationProblems({ orderId: 1, redis: released, mariadb: open() }),
    ]).toEqual([['missing-in-redis'], ['missing-in-mariadb'], ['status']])
  })

  test('when both hold it open with other items or another deadline, then those are named', () => {
    const more = { ...open(), items: [{ skuId: 1, quantity: 3 }] }
    expect(reservationProblems({ orderId: 1, redis: more, mariadb: open(2000) })).toEqual(['items', 'expiry'])
    const state = { orderId: 1, redis: null, mariadb: open() }
    expect(reservationSignature(state, reservationProblems(state))).toBe('[["missing-in-redis"],null,"RESERVED"]')
  })
})
