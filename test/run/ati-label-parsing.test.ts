/** How parseAtiLines reads labels and bare lines of an ATI answer, beyond the vendor layouts in identify-device.test.ts. */
import t from 'tap'
import { parseAtiLines } from '../../src/run/identify-device.js'

t.test('a label is read with or without a space after its colon, and with spaces around the label', async t => {
  t.strictSame(parseAtiLines(['Model:X1']), { model: 'X1' })
  t.strictSame(parseAtiLines(['Model : X1']), { model: 'X1' })
  t.strictSame(parseAtiLines([' Manufacturer: Acme']), { manufacturer: 'Acme' })
})

t.test('a label must start the line: a line with anything before the label names nothing', async t => {
  t.strictSame(parseAtiLines(['#Model: X1']), {})
})

t.test('blank and white-space lines are not bare names, and bare names are trimmed', async t => {
  t.strictSame(parseAtiLines(['', '  ', ' Quectel ', 'BG96\t']), { manufacturer: 'Quectel', model: 'BG96' })
})

t.test('a labelled manufacturer or model is kept when bare lines follow', async t => {
  t.strictSame(parseAtiLines(['Manufacturer: SIMCOM', 'Acme']), { manufacturer: 'SIMCOM' })
  t.strictSame(parseAtiLines(['Model: X1', 'Acme', 'Other']), { manufacturer: 'Acme', model: 'X1' })
})

t.test('a field that neither a label nor a bare line gives is absent, not set to undefined', async t => {
  t.strictSame(parseAtiLines(['Model: X1']), { model: 'X1' })
  t.strictSame(parseAtiLines(['Manufacturer: SIMCOM']), { manufacturer: 'SIMCOM' })
})

t.test('a label that names what every object inherits is no field: the answer stays plain data', async t => {
  t.strictSame(parseAtiLines(['Constructor: x', 'toString: y', 'hasOwnProperty: z', 'Model: X1']), { model: 'X1' })
})
