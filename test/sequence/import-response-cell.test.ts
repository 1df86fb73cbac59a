import t from 'tap'
import { readResponseCell, splitResponseCell } from '../../src/sequence/import/read-response-cell.js'

t.test('an asynchronous +CMQTT line is a URC only at the start of a line, with or without a colon', async t => {
  t.same(readResponseCell('AT+CMQTTSTART OK'), { expect: ['AT+CMQTTSTART', 'OK'], urcs: [], prose: [], payloadMismatches: [] })
  t.same(readResponseCell('+CMQTTNONET OK'), { expect: ['OK'], urcs: ['+CMQTTNONET'], prose: [], payloadMismatches: [] })
})

t.test('without a final result code every line is expected, none is a URC', async t => {
  t.same(readResponseCell('+CSQ: 23,0'), { expect: ['+CSQ: 23,0'], urcs: [], prose: [], payloadMismatches: [] })
  t.same(readResponseCell(''), { expect: [], urcs: [], prose: [], payloadMismatches: [] })
})

t.test('a line starts before a +NAME followed by a colon, a blank or the end, and before a lone prompt', async t => {
  t.same(splitResponseCell('+CSQ: 23,0 +Xy'), ['+CSQ: 23,0 +Xy'])
  t.same(splitResponseCell('+CIPSEND: 0 >'), ['+CIPSEND: 0', '>'])
  t.same(splitResponseCell('+CSQ: 1 > OK'), ['+CSQ: 1', '>', 'OK'])
  t.same(splitResponseCell('+CSQ: 1 >x'), ['+CSQ: 1 >x'])
})

t.test('prose is two lower-case words (three letters, then two) not starting like modem output', async t => {
  const proseOf = (cell: string): string[] => readResponseCell(cell).prose
  t.same(proseOf('the module restarts OK'), ['the module restarts'])
  t.same(proseOf('wait  here OK'), ['wait  here'])
  t.same(proseOf('my id OK'), [])
  t.same(proseOf('module OK'), [])
  t.same(proseOf('set x OK'), [])
  t.same(proseOf('SIMCOM_SIM7600E OK'), [])
  t.same(readResponseCell('+CEREG: home network OK').expect, ['+CEREG: home network', 'OK'])
  t.same(proseOf('+CEREG: home network OK'), [])
  t.same(proseOf('module reboots after AT+CFUN OK'), ['module reboots after AT+CFUN'])
})

t.test('a payload header may have no blank after its colon', async t => {
  t.same(readResponseCell('+CMQTTRXTOPIC:0,5 hello +CMQTTRXEND: 0').urcs, ['+CMQTTRXTOPIC:0,5', 'hello', '+CMQTTRXEND: 0'])
})

t.test('a line that names no payload, or no declared length, is no payload header', async t => {
  for (const cell of ['+CMQTTRXTOPIC: 0', '+CMQTTRXTOPIC: 0,n/a', '+CMQTTRXTOPIC: 0,x5', '+CMQTTRXTOPIC: 0,5x']) {
    t.same(readResponseCell(`${cell} OK`), { expect: ['OK'], urcs: [cell], prose: [], payloadMismatches: [] }, cell)
  }
  t.same(readResponseCell('+CSQ: 23,0 OK'), { expect: ['+CSQ: 23,0', 'OK'], urcs: [], prose: [], payloadMismatches: [] })
  t.same(
    readResponseCell('+CFTPSGET: 0,5 ab OK'),
    {
      expect: ['+CFTPSGET: 0,5 ab', 'OK'],
      urcs: [],
      prose: [],
      payloadMismatches: [],
    },
    'without its DATA marker',
  )
})

t.test('a payload of the declared length may end the cell; blanks after the cell are no payload', async t => {
  t.same(readResponseCell('+CMQTTRXPAYLOAD: 0,4 a OK'), {
    expect: [],
    urcs: ['+CMQTTRXPAYLOAD: 0,4', 'a OK'],
    prose: [],
    payloadMismatches: [],
  })
  t.same(readResponseCell('+CMQTTRXPAYLOAD: 0,6 hello ').payloadMismatches, [{ header: '+CMQTTRXPAYLOAD: 0,6', declared: 6, shown: 5 }])
})

t.test('a payload whose length does not fit ends at its closing line or a final result code, whichever comes first', async t => {
  t.same(readResponseCell('+CFTPSGET: DATA,20 hello world +CFTPSGET: 0'), {
    expect: ['+CFTPSGET: DATA,20', 'hello world', '+CFTPSGET: 0'],
    urcs: [],
    prose: [],
    payloadMismatches: [{ header: '+CFTPSGET: DATA,20', declared: 20, shown: 11 }],
  })
  t.same(readResponseCell('+CFTPSGET: DATA,30 hello +CFTPSGET: 0 OK'), {
    expect: ['+CFTPSGET: DATA,30', 'hello', '+CFTPSGET: 0', 'OK'],
    urcs: [],
    prose: [],
    payloadMismatches: [{ header: '+CFTPSGET: DATA,30', declared: 30, shown: 5 }],
  })
  t.same(readResponseCell('+CMQTTRXPAYLOAD: 0,20 hello OK +CMQTTRXEND: 0'), {
    expect: ['OK'],
    urcs: ['+CMQTTRXPAYLOAD: 0,20', 'hello', '+CMQTTRXEND: 0'],
    prose: [],
    payloadMismatches: [{ header: '+CMQTTRXPAYLOAD: 0,20', declared: 20, shown: 5 }],
  })
  t.same(readResponseCell('+CMQTTRXPAYLOAD: 0,20 hello OK'), {
    expect: ['OK'],
    urcs: ['+CMQTTRXPAYLOAD: 0,20', 'hello'],
    prose: [],
    payloadMismatches: [{ header: '+CMQTTRXPAYLOAD: 0,20', declared: 20, shown: 5 }],
  })
  t.same(readResponseCell('+CMQTTRXPAYLOAD: 0,20 helloOK OK'), {
    expect: ['OK'],
    urcs: ['+CMQTTRXPAYLOAD: 0,20', 'helloOK'],
    prose: [],
    payloadMismatches: [{ header: '+CMQTTRXPAYLOAD: 0,20', declared: 20, shown: 7 }],
  })
  t.same(
    readResponseCell('+CFTPSGET: DATA,9  OK'),
    {
      expect: ['+CFTPSGET: DATA,9', '', 'OK'],
      urcs: [],
      prose: [],
      payloadMismatches: [{ header: '+CFTPSGET: DATA,9', declared: 9, shown: 0 }],
    },
    'an OK right after the header leaves the payload empty',
  )
})

t.test('a payload that reads like a payload header is payload, not a header', async t => {
  t.same(readResponseCell('+CMQTTRXPAYLOAD: 0,20 +CMQTTRXTOPIC: 0,1 x +CMQTTRXEND: 0'), {
    expect: [],
    urcs: ['+CMQTTRXPAYLOAD: 0,20', '+CMQTTRXTOPIC: 0,1 x', '+CMQTTRXEND: 0'],
    prose: [],
    payloadMismatches: [],
  })
})
