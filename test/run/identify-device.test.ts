import t from 'tap'
import { parseAtiLines } from '../../src/run/identify-device.js'

t.test('labelled ATI lines (SIMCom) name each field', async t => {
  t.same(
    parseAtiLines(['Manufacturer: SIMCOM INCORPORATED', 'Model: A7670E-LASE', 'Revision: A011', 'IMEI: 864000000000005', '+GCAP: +CGSM']),
    {
      manufacturer: 'SIMCOM INCORPORATED',
      model: 'A7670E-LASE',
      revision: 'A011',
      imei: '864000000000005',
    },
  )
})

t.test('bare ATI lines (Quectel) name the manufacturer, then the model', async t => {
  t.same(parseAtiLines(['Quectel', 'BG96', 'Revision: BG96MAR02A07M1G']), {
    manufacturer: 'Quectel',
    model: 'BG96',
    revision: 'BG96MAR02A07M1G',
  })
})

t.test('a line with a colon is never taken for a bare name, and labels win over bare lines', async t => {
  t.same(parseAtiLines(['+GCAP: +CGSM', 'Acme']), { manufacturer: 'Acme' })
  t.same(parseAtiLines(['Acme', 'Model: X1']), { manufacturer: 'Acme', model: 'X1' })
})

t.test('a labelled value loses the spaces around it', async t => {
  t.same(parseAtiLines(['Model:   A7670E-LASE   ', 'Revision:A011 ']), { model: 'A7670E-LASE', revision: 'A011' })
})
