import t from 'tap'
import { formatDurationMs, formatInstantUtc } from '../../../src/report/text/format-duration.js'

t.test('durations pick a readable unit', async t => {
  t.equal(formatDurationMs(0), '0 ms')
  t.equal(formatDurationMs(850.4), '850 ms')
  t.equal(formatDurationMs(1000), '1 s')
  t.equal(formatDurationMs(1250), '1.25 s')
  t.equal(formatDurationMs(30_000), '30 s')
  t.equal(formatDurationMs(125_000), '2 min 05 s')
  t.equal(formatDurationMs(3_720_000), '1 h 02 min')
  t.equal(formatDurationMs(-3), '0 ms')
})

t.test('instants are shown in UTC whatever the local zone', async t => {
  t.equal(formatInstantUtc('2025-03-14T09:26:53.589Z'), '2025-03-14 09:26:53 UTC')
  t.equal(formatInstantUtc('2025-03-14T18:26:53+09:00'), '2025-03-14 09:26:53 UTC')
  t.equal(formatInstantUtc('not a date'), 'not a date')
})
