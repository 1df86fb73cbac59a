/** Durations and timeout scales are bounded so that no timer can overflow (and fire after 1 ms). */
import t from 'tap'
import { loadSequenceText } from '../../src/sequence/index.js'
import { isTimeoutScale, MAX_DURATION_MS, MAX_TIMEOUT_SCALE, MAX_TIMER_MS } from '../../src/sequence/duration.js'
import { scaleMs } from '../../src/run/timeouts.js'

const codesAt = (yaml: string): Array<[string, number, number]> =>
  loadSequenceText('x.yaml', Buffer.from(`sequence: s\n${yaml}`)).diagnostics.map(d => [d.code, d.at.line, d.at.col])

t.test('a sleep beyond the bound is a located error', async t => {
  t.same(codesAt('steps:\n  - sleep: 40000m\n'), [['duration-out-of-range', 3, 12]])
})

t.test('timeout, within, retry.every and the default timeout are bounded too', async t => {
  const yaml = [
    'timeout: 1441m',
    'steps:',
    '  - send: AT',
    '    urc: "+X"',
    '    timeout: 90000s',
    '    within: 1441m',
    '    retry: { times: 1, every: 86400001ms }',
  ].join('\n')
  t.same(
    codesAt(`${yaml}\n`).map(([code, line]) => [code, line]),
    [
      ['duration-out-of-range', 2],
      ['duration-out-of-range', 6],
      ['duration-out-of-range', 7],
      ['duration-out-of-range', 8],
    ],
  )
})

t.test('the bound itself is accepted', async t => {
  t.same(codesAt('steps:\n  - sleep: 1440m\n'), [])
})

t.test('the largest duration times the largest scale still fits a timer', async t => {
  t.ok(MAX_DURATION_MS * MAX_TIMEOUT_SCALE <= MAX_TIMER_MS)
  t.notOk(isTimeoutScale(1e10))
  t.notOk(isTimeoutScale(0))
  t.notOk(isTimeoutScale(Number.NaN))
  t.ok(isTimeoutScale(2))
  t.equal(scaleMs(MAX_DURATION_MS, { timeoutScale: 1e10 }), MAX_TIMER_MS, 'the last guard clamps, never wraps')
})
