import t from 'tap'
import { formatDuration, isDuration, parseDuration } from '../../src/sequence/index.js'
import { isTimeoutScale, MAX_TIMEOUT_SCALE, MAX_TIMER_MS, MIN_TIMEOUT_SCALE } from '../../src/sequence/duration.js'

t.test('durations', async t => {
  t.equal(parseDuration('500ms'), 500)
  t.equal(parseDuration('30s'), 30_000)
  t.equal(parseDuration('1.5s'), 1500)
  t.equal(parseDuration('2m'), 120_000)
  for (const bad of ['30', '1h', ' 5s', '5 s', '-1s', 's', '1.s', '']) {
    t.notOk(isDuration(bad), bad)
    t.throws(() => parseDuration(bad), RangeError)
  }
  t.same([500, 30_000, 120_000, 1500].map(formatDuration), ['500ms', '30s', '2m', '1500ms'])
})

t.test('a duration is the whole value: a number with ms, s or m and nothing after it', async t => {
  t.equal(isDuration('5s'), true)
  t.equal(isDuration('250ms'), true)
  t.equal(isDuration('5sec'), false)
  t.equal(isDuration('2m30s'), false)
  t.throws(() => parseDuration('5sec'), new RangeError("'5sec' is not a duration (write e.g. 500ms, 30s or 2m)"))
})

t.test('fractions may have several digits', async t => {
  t.equal(parseDuration('1.25s'), 1250)
  t.equal(parseDuration('0.125m'), 7500)
  t.equal(isDuration('1.25s'), true)
})

t.test('zero is written in milliseconds', async t => {
  t.equal(formatDuration(0), '0ms')
  t.equal(formatDuration(1000), '1s')
  t.equal(formatDuration(60_000), '1m')
})

t.test('the timeout scale bounds are themselves allowed', async t => {
  t.same([MIN_TIMEOUT_SCALE, MAX_TIMEOUT_SCALE, 0.009, 20.5].map(isTimeoutScale), [true, true, false, false])
})

t.test('timers are capped at the longest delay Node.js can hold', async t => {
  t.equal(MAX_TIMER_MS, 2_147_483_647)
})
