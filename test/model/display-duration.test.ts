import t from 'tap'
import { formatDisplayDuration } from '../../src/model/display-duration.js'

t.test('measured durations read as a person would say them', async t => {
  t.equal(formatDisplayDuration(29982.601066), '30.0 s')
  t.equal(formatDisplayDuration(9999.871169), '10.0 s')
  t.equal(formatDisplayDuration(0.4), '0 ms')
  t.equal(formatDisplayDuration(850.4), '850 ms')
  t.equal(formatDisplayDuration(999.6), '1.0 s', 'rounds into the next unit, never "1000 ms"')
  t.equal(formatDisplayDuration(1250), '1.3 s')
  t.equal(formatDisplayDuration(59_960), '1 min 00 s', 'never "60.0 s"')
  t.equal(formatDisplayDuration(125_000), '2 min 05 s')
  t.equal(formatDisplayDuration(3_720_000), '1 h 02 min')
  t.equal(formatDisplayDuration(-3), '0 ms')
  t.equal(formatDisplayDuration(Number.NaN), '0 ms')
})
