import t from 'tap'
import { importSpecTable, loadSequenceText, type Step } from '../../src/sequence/index.js'

const HEADER = 'No | Command | Response | Description |'

/** Imports a table written as lines (the header is line 1), and loads the YAML it gives. */
function importRows(...rows: string[]) {
  const imported = importSpecTable([HEADER, ...rows].join('\n'), 'spec.txt')
  const loaded = loadSequenceText('imported.yaml', Buffer.from(imported.yaml))
  return { ...imported, steps: loaded.sequence?.steps ?? [], loadDiagnostics: loaded.diagnostics }
}

const exact = (lines: Step['expect']): string[] =>
  lines.map(m => (m.kind === 'exact' ? m.text.text : m.kind === 'regex' ? `/${m.pattern.text}/` : ''))
const finalOf = (s: Step | undefined): string | undefined => (s?.final?.matcher.kind === 'exact' ? s.final.matcher.text.text : undefined)
const codesAt = (diagnostics: ReadonlyArray<{ code: string; at: { line: number; col: number } }>, code: string): string[] =>
  diagnostics.filter(d => d.code === code).map(d => `${d.at.line}:${d.at.col}`)

/** The YAML comment lines written right above the step numbered `no`. */
function commentsAbove(yaml: string, no: string): string[] {
  const lines = yaml.split('\n')
  const at = lines.findIndex(l => l === `  - no: ${no}` || l === `  - no: "${no}"`)
  const comments: string[] = []
  for (let i = at - 1; i >= 0 && lines[i]!.startsWith('  #'); i--) comments.unshift(lines[i]!.slice(4))
  return comments
}

t.test('each row reports the steps it became: number and command, data (with its end) or todo', async t => {
  const { rows } = importRows(
    '1 | AT+CSQ / AT+CREG? | OK OK | two commands |',
    '2 | AT+CMQTTTOPIC=0,3 | > | |',
    '| >abc | OK | |',
    '| >abc\\1A | OK | |',
    '3 | press RESET, then AT | | |',
  )
  t.same(
    rows.map(r => [r.line, r.written, r.became]),
    [
      [2, '1', ['1 AT+CSQ', '1a AT+CREG?']],
      [3, '2', ['2 AT+CMQTTTOPIC=0,3']],
      [4, '', ['2a data']],
      [5, '', ['2b data + ctrl-z']],
      [6, '3', ['3 todo']],
    ],
  )
})

t.test('a command cell that does not start with AT is kept as todo, even when it names AT later', async t => {
  const { steps, rows } = importRows('3 | press RESET, then send AT | | |')
  t.match(steps[0]!.action, { kind: 'todo', original: '3 | press RESET, then send AT | | |' })
  t.equal(rows[0]!.notes.length, 1, 'the row says why it was not interpreted')
})

t.test('a row with too many cells is kept as todo, with a note saying why', async t => {
  const { steps, rows } = importRows('4 | AT | OK | too | many |')
  t.match(steps[0]!.action, { kind: 'todo' })
  t.equal(rows[0]!.notes.length, 1)
})

t.test('a single command expecting a prompt or nothing gets no note about sharing its response', async t => {
  const { rows } = importRows('1 | AT+CMQTTTOPIC=0,3 | > | |', '| >abc | OK | |', '2 | AT+CSQ | +CSQ: 23,0 | |')
  t.same(
    rows.map(r => r.notes),
    [[], [], []],
  )
})

t.test('a response cell with one final result code per command is shared out in order, trailing lines to the last', async t => {
  const { steps, yaml } = importRows(
    '5 | AT+CSQ AT+CREG? AT+COPS? | +CSQ: 23,0 OK +CREG: 0,1 OK +COPS: 0 OK +CMQTTNONET +CMQTTSTOP: 0 | net |',
  )
  t.same(
    steps.map(s => [s.no, exact(s.expect), finalOf(s), exact(s.urcs)]),
    [
      ['5', ['+CSQ: 23,0'], 'OK', []],
      ['5a', ['+CREG: 0,1'], 'OK', []],
      ['5b', ['+COPS: 0'], 'OK', ['+CMQTTNONET', '+CMQTTSTOP: 0']],
    ],
  )
  t.same(commentsAbove(yaml, '5').length, 1, 'the first step notes that the cell held three commands')
  t.same(commentsAbove(yaml, '5a'), [])
  t.same(commentsAbove(yaml, '5b'), [], 'nothing to say about a response that was shared out')
})

t.test('a response cell that cannot be shared out goes whole to the last command; the others expect nothing', async t => {
  const { steps, yaml, rows } = importRows('6 | AT+CSQ AT+CREG? AT+COPS? | +COPS: 0 OK | |')
  t.same(
    steps.map(s => [s.no, exact(s.expect), finalOf(s)]),
    [
      ['6', [], undefined],
      ['6a', [], undefined],
      ['6b', ['+COPS: 0'], 'OK'],
    ],
  )
  t.equal(commentsAbove(yaml, '6').length, 1, 'three commands, one step each')
  t.same(commentsAbove(yaml, '6a'), [])
  t.equal(commentsAbove(yaml, '6b').length, 1, 'the last step says the response was not shared out')
  t.equal(rows[0]!.notes.length, 2)
})

t.test('a command with a written-out line end, and a single one without, note only what happened', async t => {
  const { steps, rows } = importRows('1 | AT+CSQ\\r | OK | |', '2 | AT+CSQ | OK | |')
  t.match(steps[0]!.action, { kind: 'send', command: { text: 'AT+CSQ' } })
  t.same(
    rows.map(r => r.notes.length),
    [1, 0],
  )
})

t.test('control bytes written out in data are noted; plain data is not', async t => {
  const { steps, rows } = importRows(
    '1 | AT+CMQTTTOPIC=0,3 | > | |',
    '| >abc | OK | |',
    '2 | AT+CMGS="+8210123" | > | |',
    '| >abc\\1A | OK | |',
    '3 | AT+CMQTTPAYLOAD=0,3 | > | |',
    '| >a\\r\\nb | OK | |',
  )
  t.match(
    steps.map(s => s.action),
    [{}, { kind: 'data', data: { text: 'abc' } }, {}, { kind: 'data', end: 'ctrl-z' }, {}, { kind: 'data', encoding: 'hex' }],
  )
  t.same(
    rows.map(r => r.notes.length),
    [0, 0, 0, 1, 0, 1],
  )
  t.not(rows[3]!.notes[0], rows[5]!.notes[0], 'the note says which end and encoding were read')
})

t.test('the Description cell and prose from the Response cell make the description', async t => {
  const { steps } = importRows(
    '1 | AT+CFUN=1,1 | the module restarts | Reset |',
    '2 | AT+CFUN=1,1 | the module restarts | |',
    '3 | AT+CSQ | OK | |',
  )
  t.equal(steps[0]!.description, 'Reset — Response: the module restarts')
  t.equal(steps[1]!.description, 'Response: the module restarts')
  t.equal(steps[2]!.description, undefined)
})

t.test('a prose response is a warning at the prose, even when it starts a line or spans lines', async t => {
  const { diagnostics, rows } = importRows(
    '1 | AT+CFUN=1,1 | the module restarts | |',
    '2 | AT+CFUN=1,1 |',
    'the module restarts | |',
    '3 | AT+CFUN=1,1 | the module',
    'restarts | |',
  )
  t.same(codesAt(diagnostics, 'prose-response'), ['2:19', '4:1', '5:1'])
  t.ok(diagnostics.filter(d => d.code === 'prose-response').every(d => d.at.file === 'spec.txt'))
  t.same(
    rows.map(r => r.notes.length),
    [1, 1, 1],
  )
})

t.test('a payload shorter than declared is a warning at its header', async t => {
  const { diagnostics, rows } = importRows('1 | AT+CFTPSGET="/a.txt" | OK +CFTPSGET: DATA,9 hello +CFTPSGET: 0 | |')
  t.same(codesAt(diagnostics, 'payload-length-mismatch'), ['2:31'])
  t.equal(rows[0]!.notes.length, 1)
})

t.test('curly quotes are a warning at the first curly quote; blanks after commas alone are another', async t => {
  const { diagnostics, steps, rows } = importRows(
    '3 | AT+CMQTTACCQ=0, “c” | OK | |',
    '4 | AT+CMQTTACCQ=0, "c" | OK | |',
    '5 | AT+CMQTTACCQ=0,"c" | OK | |',
  )
  t.same(
    steps.map(s => (s.action.kind === 'send' ? s.action.command.text : '')),
    ['AT+CMQTTACCQ=0,"c"', 'AT+CMQTTACCQ=0,"c"', 'AT+CMQTTACCQ=0,"c"'],
  )
  t.same(codesAt(diagnostics, 'non-ascii-command'), ['2:21'])
  t.same(codesAt(diagnostics, 'command-normalised'), ['3:19'])
  t.same(
    rows.map(r => r.notes.length),
    [1, 1, 0],
  )
  t.not(rows[0]!.notes[0], rows[1]!.notes[0], 'each note names what was changed')
})

t.test('single curly quotes and curly quotes alone are noted', async t => {
  const { steps, rows } = importRows('1 | AT+CMQTTACCQ=0,‘c’ | OK | |')
  t.match(steps[0]!.action, { command: { text: "AT+CMQTTACCQ=0,'c'" } })
  t.equal(rows[0]!.notes.length, 1)
})

t.test('{{ in the spec is written escaped, so it is sent and matched literally', async t => {
  const { steps } = importRows('1 | AT+X={{a}} | +X: {{b}} OK | |')
  t.match(steps[0]!.action, { command: { text: 'AT+X=\\{{a}}' } })
  t.same(exact(steps[0]!.expect), ['+X: \\{{b}}'])
})

t.test('a response line that looks like /regex/ becomes a regex matching exactly that line', async t => {
  const { steps } = importRows('1 | AT+FSCD? | /a.b/ OK | |')
  t.same(exact(steps[0]!.expect), ['/^\\/a\\.b\\/$/'])
})

t.test('the notes of every notation, as written in the YAML and the report', async t => {
  const { yaml, rows, diagnostics } = importRows(
    '1 | AT+CSQ AT+CREG? AT+COPS? | +COPS: 0 OK | |',
    '2 | AT+CFTPSGET="/a.txt"\\r | the module restarts +CFTPSGET: DATA,9 hello +CFTPSGET: 0 | |',
    '3 | AT+CMQTTACCQ=0, “c” | OK | |',
    '4 | AT+CMQTTACCQ=0, "c" | OK | |',
    '5 | AT+CMGS="+8210123" | > | |',
    '| >abc\\1A | OK | |',
    '6 | AT+CMQTTPAYLOAD=0,3 | > | |',
    '| >a\\r\\nb | OK | |',
    '7 | AT+CMQTTPAYLOAD=0,3 | > | |',
    '| >a\\r\\nb\\1A | OK | |',
    '8 | reboot | | |',
    '9 | AT | OK | a | b |',
    '10 | AT+CMQTTACCQ=0,“c” | OK | |',
  )
  t.matchSnapshot(yaml, 'yaml')
  t.matchSnapshot(
    rows.map(r => r.notes),
    'notes',
  )
  t.matchSnapshot(
    diagnostics.filter(d => !['unknown-command', 'no-expectation'].includes(d.code)).map(d => [d.code, d.message, d.hint]),
    'warnings',
  )
})
