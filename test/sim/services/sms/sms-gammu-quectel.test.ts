/**
 * Debian's gammu against the simulated quectel-bg96 through a pty: a Quectel module answers AT+CBC in 27.007's form
 * (plus the voltage), which gammu parses, so `gammu monitor` goes on to read the signal (AT+CSQ) and the network.
 * Loopback only; under CI=true a missing gammu or socat fails the test.
 */
import t from 'tap'
import { requireTool } from '../../../helpers/system-tool.js'
import { startRig } from './gammu-rig.js'

t.test('gammu monitor reads battery, signal and network from quectel-bg96', async t => {
  if (!requireTool(t, 'gammu') || !requireTool(t, 'socat')) return
  const rig = await startRig(t, 'quectel-bg96')
  t.match(await rig.gammu('networkinfo'), /Network state\s+: home network/)
  const monitor = await rig.gammu('monitor', '1')
  t.match(monitor, /Battery level\s+: 80 percent/)
  // rssi 21 (the BG96 profile's default): 27.007 -113 + 2 * 21 dBm, which gammu shows as 3 * rssi percent
  t.match(monitor, /Signal strength\s+: -71 dBm/)
  t.match(monitor, /Network level\s+: 63 percent/)
  t.match(monitor, /Network state\s+: home network/)
  t.ok(rig.commands.has('AT+CBC') && rig.commands.has('AT+CSQ'))
})
