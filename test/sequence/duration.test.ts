import t from 'tap'
import { formatDuration, isDuration, parseDuration } from '../../src/sequence/index.js'

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
