import { describe, expect, test } from 'bun:test'
import { artilleryScenarios, journeys } from '.'

describe('artilleryScenarios', () => {
  test('when the mixed profile is built, then checkout splits its weight 85 / 5 / 5 / 5 % over its outcomes', () => {
    const scenarios = artilleryScenarios(Object.values(journeys))
    const total = scenarios.reduce((sum, s) => sum + s.weight, 0)
    const share = (name: string) => (100 * (scenarios.find((s) => s.name === name)?.weight ?? 0)) / total

    expect({
      names: scenarios.map((s) => s.name),
      shares: [share('browse'), share('checkout approve'), share('checkout decline'), share('checkout refund')],
      wholeWeights: scenarios.every((s) => Number.isInteger(s.weight) && s.weight > 0),
    }).toEqual({
      names: [
        'browse',
        'stock',
        'login',
        'cart',
        'checkout approve',
        'checkout decline',
        'checkout cancel',
        'checkout refund',
      ],
      shares: [55, 3.4, 0.2, 0.2],
      wholeWeights: true,
    })
  })

  test('when every checkout outcome is built, then each starts its own saga hook and ends by recording the outcome', () => {
    const checkout = artilleryScenarios([journeys['checkout']].flatMap((j) => (j ? [j] : [])))
    const functions = checkout.map((s) => s.flow.filter((step) => 'function' in step).map((step) => step['function']))

    expect(functions).toEqual([
      ['pickSku', 'startApprovedSaga', 'recordSagaOutcome'],
      ['pickSku', 'startDeclinedSaga', 'recordSagaOutcome'],
      ['pickSku', 'startCancelledSaga', 'recordSagaOutcome'],
      ['pickSku', 'startRefundedSaga', 'awaitRefund', 'recordSagaOutcome'],
    ])
  })
})
