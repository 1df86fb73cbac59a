import t from 'tap'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'
import { formatPortTable } from '../../src/cli/ports.js'
import { listSerialPorts } from '../../src/transport/serial-ports.js'

const run = promisify(execFile)
const mainJs = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url))

t.test('the port table names modem makers by USB vendor ID', async t => {
  const table = formatPortTable([
    { path: '/dev/ttyUSB2', vendorId: '1e0e', productId: '9001', manufacturer: 'SimTech, Incorporated', serialNumber: '0123' },
    { path: '/dev/ttyS0' },
  ])
  t.equal(
    table,
    [
      'PORT          VID:PID    MANUFACTURER                           SERIAL',
      '/dev/ttyUSB2  1e0e:9001  SimTech, Incorporated (modem: SIMCom)  0123',
      '/dev/ttyS0    -',
      '',
    ].join('\n'),
  )
  t.equal(formatPortTable([]), 'No serial ports found.\n')
})

t.test('listSerialPorts returns plain records with a path each', async t => {
  const ports = await listSerialPorts()
  t.ok(ports.every(port => typeof port.path === 'string' && Object.values(port).every(value => value !== undefined)))
})

t.test('atseq ports --json prints the same list', async t => {
  const { stdout } = await run(process.execPath, [mainJs, 'ports', '--json'])
  t.same(JSON.parse(stdout), await listSerialPorts())
  const table = await run(process.execPath, [mainJs, 'ports'])
  t.match(table.stdout, /^(PORT|No serial ports found)/)
})

t.test('without udevadm the port list fails with one sentence and exit 3, not a crash', async t => {
  const result = await run(process.execPath, [mainJs, 'ports'], { env: { ...process.env, PATH: '/nonexistent' } }).then(
    () => undefined,
    (error: { code?: number; stderr?: string }) => error,
  )
  t.equal(result?.code, 3)
  t.match(result?.stderr ?? '', /^atseq ports: cannot list the serial ports: udevadm was not found/)
  t.notMatch(result?.stderr ?? '', /\n\s+at /, 'no stack trace')
})
