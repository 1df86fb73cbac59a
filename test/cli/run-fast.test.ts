import t from 'tap'
import { withFastReplay } from '../../src/cli/run.js'

t.test('--fast asks replay:// devices to answer at once and leaves other devices alone', async t => {
  t.equal(withFastReplay('replay://reports/run.json'), 'replay://reports/run.json?fast=1')
  t.equal(withFastReplay('replay:///abs/run.json?x=1'), 'replay:///abs/run.json?x=1&fast=1')
  t.equal(withFastReplay('bench=replay://run.json'), 'bench=replay://run.json?fast=1')
  t.equal(withFastReplay('sim://simcom-a76xx'), 'sim://simcom-a76xx')
  t.equal(withFastReplay('/dev/ttyUSB2'), '/dev/ttyUSB2')
})
