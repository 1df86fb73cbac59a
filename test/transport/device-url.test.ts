import t from 'tap'
import { defaultSerialSettings, parseDeviceUrl } from '../../src/transport/device-url.js'
import { isTransportError } from '../../src/transport/transport-error.js'

t.test('serial URLs with settings, and plain paths', async t => {
  t.same(parseDeviceUrl('serial:///dev/ttyUSB2?baud=921600&parity=even&databits=7&stopbits=2&rtscts=1'), {
    kind: 'serial',
    path: '/dev/ttyUSB2',
    settings: { baudRate: 921600, dataBits: 7, parity: 'even', stopBits: 2, rtscts: true },
  })
  t.same(parseDeviceUrl('/dev/ttyACM0'), { kind: 'serial', path: '/dev/ttyACM0', settings: defaultSerialSettings })
  t.same(parseDeviceUrl('serial:///dev/serial/by-id/usb-SimTech%2C_Incorporated-if02'), {
    kind: 'serial',
    path: '/dev/serial/by-id/usb-SimTech,_Incorporated-if02',
    settings: defaultSerialSettings,
  })
})

t.test('tcp and sim URLs', async t => {
  t.same(parseDeviceUrl('tcp://127.0.0.1:3333'), { kind: 'tcp', host: '127.0.0.1', port: 3333 })
  t.same(parseDeviceUrl('tcp://[::1]:3333'), { kind: 'tcp', host: '::1', port: 3333 })
  const sim = parseDeviceUrl('sim://simcom-a76xx?echo=1&network=down')
  t.equal(sim.kind, 'sim')
  t.equal(sim.kind === 'sim' && sim.profile, 'simcom-a76xx')
  t.equal(sim.kind === 'sim' && sim.params.get('network'), 'down')
})

t.test('bad URLs are refused with the bad-device-url code', async t => {
  for (const url of [
    'serial:///dev/ttyUSB2?baud=fast',
    'serial:///dev/x?parity=maybe',
    'serial:///dev/x?speed=1',
    'tcp://host',
    'tcp://host:99999',
    'ftp://x',
    'ttyUSB2',
  ]) {
    let caught: unknown
    try {
      parseDeviceUrl(url)
    } catch (error) {
      caught = error
    }
    t.ok(isTransportError(caught, 'bad-device-url'), url)
  }
})
