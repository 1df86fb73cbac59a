import t from 'tap'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { importSpecTable, loadSequenceText } from '../../src/sequence/index.js'

const seedPath = '/seed/mqtts-not-verify-server.txt'
const seedText = readFileSync(new URL('../fixtures/spec/mqtts-not-verify-server.txt', import.meta.url), 'utf8')

/** The table's rows as the test reads them independently: number and Description cell. */
const TABLE: Array<[string, string | undefined]> = [
  ['1', undefined],
  ['2', 'Start MQTT service, activate PDP context'],
  ['3', 'Acquire one client which will connect to a MQTT server without SSL/TLS.'],
  ['4.1', 'Set the topic of the will'],
  ['4.2', 'Input 10 Character as topic'],
  ['5.1', 'Set the will message'],
  ['5.2', 'Input 6 Character'],
  ['6', 'Connect to a MQTT server'],
  ['7.1', 'Set the topic for the PUBLISH message'],
  ['7.2', 'Input topic to publish'],
  ['8.1', 'Set the payload for the PUBLISH message'],
  ['8.2', 'Input message'],
  ['9', 'Publish a message (Received Hi, MOMO sent from server)'],
  ['10.1', 'Set one topic for the SUBSCRIBE message'],
  ['10.2', undefined],
  ['11.1', 'Set one topic for the SUBSCRIBE message'],
  ['11.2', undefined],
  ['12', 'Subscribe a message'],
  ['13.1', 'Unsubscribe one topic from the server'],
  ['13.2', undefined],
  ['14', 'Disconnect from server'],
  ['15', 'Release the client'],
  ['16', 'Stop MQTT Service'],
]

function importAndLoad(text: string) {
  const imported = importSpecTable(text, seedPath)
  const loaded = loadSequenceText('imported.yaml', Buffer.from(imported.yaml))
  return { ...imported, loaded }
}

t.test('the seed imports into a valid sequence whose numbers and descriptions match the table', async t => {
  const { loaded, yaml } = importAndLoad(seedText)
  t.same(loaded.diagnostics, [])
  const seq = loaded.sequence!
  t.equal(seq.name, 'MQTTS- Not Verify Server')
  t.equal(seq.system, 'MQTTS- Not Verify Server')
  t.same(
    seq.steps.map(s => [s.no, s.description]),
    TABLE,
  )
  t.match(yaml, /통신시스템/, 'the preamble is kept as a comment, Korean intact')
})

t.test('the seed import warns on rows 3 (curly quotes), 8 (length) and 12 (mismatched URC), located in the spec', async t => {
  const { diagnostics } = importAndLoad(seedText)
  const lineOf = (no: string): number => seedText.split('\n').findIndex(l => l.startsWith(`${no} |`)) + 1
  const found = diagnostics.map(d => [d.code, d.at.line])
  t.same(
    diagnostics.filter(d => d.severity === 'error'),
    [],
  )
  t.ok(diagnostics.every(d => d.at.file === seedPath))
  const has = (code: string, line: number): boolean => found.some(([c, l]) => c === code && l === line)
  t.ok(has('non-ascii-command', lineOf('3')), 'row 3: curly quotes')
  t.ok(has('prompt-length-mismatch', lineOf('8.2')), 'row 8: 61 characters for 60')
  t.ok(has('urc-name-mismatch', lineOf('12')), 'row 12: UNSUB answered by +CMQTTSUB')
  t.ok(has('todo-step', lineOf('1')), 'row 1 has no command: kept as todo')
  t.same(
    found.map(f => f[0]).sort(),
    ['non-ascii-command', 'non-ascii-command', 'prompt-length-mismatch', 'todo-step', 'urc-name-mismatch'],
    'row 6 has curly quotes too; nothing else',
  )
})

t.test('rows become command, data and todo steps', async t => {
  const seq = importAndLoad(seedText).loaded.sequence!
  const step = (no: string) => seq.steps.find(s => s.no === no)!
  t.match(step('1').action, { kind: 'todo', original: '1 | PDP Context 설정 | ||' })
  t.match(step('2'), {
    action: { kind: 'send', command: { text: 'AT+CMQTTSTART' } },
    final: { matcher: { text: { text: 'OK' } } },
    urcs: [{ text: { text: '+CMQTTSTART: 0' } }],
  })
  t.match(
    step('3').action,
    { kind: 'send', command: { text: 'AT+CMQTTACCQ=0,"client test0"' } },
    'curly quotes and the blank after the comma are gone',
  )
  t.match(step('4.1').final, { matcher: { text: { text: '>' } } })
  t.match(step('4.2').action, { kind: 'data', data: { text: '0123456789' } })
  t.match(step('8.2').action, { data: { text: '012345678901234567890123456789 012345678901234567890123456789' } }, 'data kept verbatim')
  t.same(
    step('16').urcs.map(u => (u.kind === 'exact' ? u.text.text : '')),
    ['+CMQTTSTOP: 0', '+CMQTTNONET'],
  )
  t.match(step('13.2').urcs, [{ text: { text: '+CMQTTUNSUB: 0,0' } }])
})

t.test('cells spanning lines, response lines, unreadable rows', async t => {
  const spec = [
    'Title',
    'No | Command | Response | Description |',
    '1 |',
    'AT+CSQ |',
    '+CSQ: 23,0 OK |',
    'Signal',
    'quality |',
    '2 | AT+CME | +CME ERROR: 10 | fails |',
    '3 | reboot the module by hand | | |',
    '4 | AT | OK | too | many | cells |',
  ].join('\n')
  const { loaded, diagnostics } = importAndLoad(spec)
  t.same(loaded.diagnostics, [])
  const [csq, cme, manual, many] = loaded.sequence!.steps
  t.match(csq, { description: 'Signal quality', expect: [{ text: { text: '+CSQ: 23,0' } }], final: { matcher: { text: { text: 'OK' } } } })
  t.match(cme!.final, { matcher: { text: { text: '+CME ERROR: 10' } } })
  t.match(manual!.action, { kind: 'todo', original: '3 | reboot the module by hand | | |' })
  t.match(many!.action, { kind: 'todo' })
  t.equal(diagnostics.filter(d => d.code === 'todo-step').length, 2)
})

t.test('text with no table is an error, not an empty sequence', async t => {
  const { diagnostics } = importSpecTable('just some prose\n', 'prose.txt')
  t.match(diagnostics, [{ code: 'no-table-rows', severity: 'error' }])
})

t.test('property: any text imports without throwing, and any text with rows gives YAML that loads', async t => {
  const cell = fc.string({ maxLength: 12 }).map(s => s.replace(/[|\n]/g, ' '))
  const row = fc
    .tuple(fc.nat(30), fc.constantFrom('AT+X', '>', 'note '), cell, cell, cell)
    .map(([n, kind, a, b, c]) => `${n} | ${kind}${a} | ${b} | ${c} |`)
  fc.assert(
    fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), fc.string({ maxLength: 40 }), (rows, noise) => {
      const { yaml } = importSpecTable(
        `${noise.replace(/\|/g, '')}\nNo | Command | Response | Description |\n${rows.join('\n')}\n`,
        'p.txt',
      )
      const loaded = loadSequenceText('p.yaml', Buffer.from(yaml))
      return loaded.sequence !== undefined && loaded.sequence.steps.length === rows.length
    }),
    { numRuns: 200 },
  )
  t.pass('200 random tables imported into loadable sequences')
})
