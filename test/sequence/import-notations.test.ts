import t from 'tap'
import { readFileSync } from 'node:fs'
import { importSpecTable, loadSequenceText, type Step } from '../../src/sequence/index.js'

const read = (name: string): string => readFileSync(new URL(`../fixtures/specs/${name}`, import.meta.url), 'utf8')

function importFixture(name: string, options = {}) {
  const imported = importSpecTable(read(name), name, options)
  const loaded = loadSequenceText('imported.yaml', Buffer.from(imported.yaml))
  t.same(loaded.diagnostics, [], `${name} imports into a valid sequence`)
  return { ...imported, sequence: loaded.sequence! }
}

/** Each step as [no, kind, command or data] — the fate of every row, in order. */
function describe(steps: readonly Step[]): Array<[string, string, string]> {
  return steps.map(s => {
    const a = s.action
    const text = a.kind === 'send' ? a.command.text : a.kind === 'data' ? `${a.data.text}${a.end === 'none' ? '' : ` +${a.end}`}` : ''
    return [s.no, a.kind, text]
  })
}

const lines = (s: Step, which: 'expect' | 'urcs'): string[] => s[which].map(m => (m.kind === 'exact' ? m.text.text : `/${m.kind}/`))
const finalOf = (s: Step): string | undefined => (s.final?.matcher.kind === 'exact' ? s.final.matcher.text.text : undefined)

t.test('an FTPS table with Korean headings: every row survives, unnumbered and – rows are steps of their own', async t => {
  const { sequence, rows } = importFixture('ftps-get-file.txt')
  t.equal(sequence.device, 'simcom-a76xx', 'AT+CFTPS... names the SIMCom family')
  t.equal(sequence.name, 'FTPS - Get File')
  t.same(describe(sequence.steps), [
    ['1', 'todo', ''],
    ['2', 'send', 'AT+CFTPSSTAR'],
    ['3', 'send', 'AT+CFTPSLOGIN="ftp.example.com",21,"user","secret",0'],
    ['4', 'send', 'AT+FSCD?'],
    ['4a', 'send', 'AT+FSCD=F:/'],
    ['4b', 'send', 'AT+FSLS'],
    ['5', 'send', 'AT+FSCD=C:/'],
    ['5a', 'send', 'AT+FSLS=2'],
    ['6', 'send', 'AT+CFTPSGET="/hello.txt"'],
    ['7', 'send', 'AT+CFTPSGET="/notes.txt"'],
    ['8', 'send', 'AT+CFTPSLOGOUT'],
    ['8a', 'todo', ''],
    ['9', 'send', 'AT+CFTPSSTOP'],
  ])
  t.equal(rows.length, 12, 'one fate per row of the table')
  t.same(
    rows.map(r => r.became.length),
    [1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1],
  )
  const step = (no: string): Step => sequence.steps.find(s => s.no === no)!
  t.equal(step('1').description, 'Reset the module by HW or SW', 'the Description column is found by its Korean heading')
  t.equal(step('2').description, 'FTPS 서비스 시작')
  t.match(step('8a').action, { kind: 'todo', original: 'Reset Module | Reset the module by HW or SW |' })
  t.same([lines(step('4a'), 'expect'), finalOf(step('4a'))], [['+FSCD: F:/'], 'OK'])
  t.same(
    [lines(step('5'), 'expect'), finalOf(step('5')), finalOf(step('5a'))],
    [['+FSCD: C:/'], 'OK', 'OK'],
    'the response cell is shared at its final result codes',
  )
  t.same(
    lines(step('6'), 'urcs'),
    ['+CFTPSGET: DATA,27', 'Hello from the FTPS server.', '+CFTPSGET: 0'],
    'the file is split off its header by length',
  )
  t.same(lines(step('8'), 'expect'), [], 'prose invents no expectation')
  t.match(step('8').description, /Response: The session ends and the module logs out/)
})

t.test('the FTPS table: notes and warnings for every notation, located at their rows', async t => {
  const { diagnostics } = importFixture('ftps-get-file.txt')
  const text = read('ftps-get-file.txt').split('\n')
  const lineOf = (start: string): number => text.findIndex(l => l.startsWith(start)) + 1
  const found = diagnostics.map(d => `${d.code}@${d.at.line}`)
  t.ok(found.includes(`unknown-command@${lineOf('2 |')}`), 'AT+CFTPSSTAR is flagged')
  t.match(diagnostics.find(d => d.code === 'unknown-command')?.hint, /did you mean AT\+CFTPSSTART\?/)
  t.ok(found.includes(`non-ascii-command@${lineOf('3 |')}`), '”…″ quotes')
  t.ok(found.includes(`prose-response@${lineOf('8 |')}`))
  t.ok(found.includes(`payload-length-mismatch@${lineOf('OK +CFTPSGET: DATA,18')}`), 'the re-wrapped file is shorter than declared')
  t.ok(found.includes(`todo-step@${lineOf('Reset Module |')}`), 'the prose row is kept as todo')
  t.notOk(
    diagnostics.some(d => d.code === 'unknown-command' && d.at.line !== lineOf('2 |')),
    'FTPS, CCH and file-system commands are known',
  )
})

t.test('an MQTT table: folded RX block, – and unnumbered data rows, control bytes in data cells', async t => {
  const { sequence, diagnostics } = importFixture('mqtt-receive.txt')
  t.equal(sequence.device, 'simcom-a76xx')
  t.same(describe(sequence.steps), [
    ['1', 'send', 'AT+CMQTTSTART'],
    ['2', 'send', 'AT+CMQTTACCQ=0,"client test0"'],
    ['3', 'send', 'AT+CMQTTCONNECT=0,"tcp://127.0.0.1:1883",60,1'],
    ['4', 'send', 'AT+CMQTTTOPIC=0,9'],
    ['4a', 'data', 'Hi,모모'],
    ['5', 'send', 'AT+CMQTTPAYLOAD=0,5'],
    ['5a', 'data', 'hello'],
    ['6', 'send', 'AT+CMQTTPUB=0,1,60'],
    ['7', 'send', 'AT+CMGS="+8210123"'],
    ['7.1', 'data', 'hi, momo +ctrl-z'],
    ['8', 'send', 'AT+CMGS="+8210123"'],
    ['8.1', 'data', '6F 6E 65 0D 0A 74 77 6F +ctrl-z'],
    ['9', 'send', 'AT+CMGS="+8210123"'],
    ['9.1', 'data', 'bye +ctrl-z'],
    ['10', 'send', 'AT+CMGS="+8210123"'],
    ['10.1', 'data', 'never +esc'],
    ['11', 'send', 'AT+CMQTTDISC=0,120'],
  ])
  const step = (no: string): Step => sequence.steps.find(s => s.no === no)!
  t.match(step('8.1').action, { kind: 'data', encoding: 'hex' })
  t.same(lines(step('6'), 'urcs'), [
    '+CMQTTPUB: 0,0',
    '+CMQTTRXSTART: 0,9,5',
    '+CMQTTRXTOPIC: 0,9',
    'Hi,모모',
    '+CMQTTRXPAYLOAD: 0,5',
    'hello',
    '+CMQTTRXEND: 0',
  ])
  t.same(
    diagnostics.map(d => d.code),
    [],
    'lengths agree, prompts have their data, nothing unknown',
  )
})

t.test('--device-profile overrides the inferred device; an unknown one is an error with a suggestion', async t => {
  t.equal(importFixture('mqtt-receive.txt', { deviceProfile: 'simcom-sim7600' }).sequence.device, 'simcom-sim7600')
  const wrong = importSpecTable(read('mqtt-receive.txt'), 'x.txt', { deviceProfile: 'simcom-a67xx' })
  t.match(wrong.diagnostics, [{ code: 'unknown-device-profile', severity: 'error', hint: /did you mean simcom-a76xx\?/ }])
  const plain = importSpecTable('No | Command | Response | Description |\n1 | AT+CSQ | OK | |\n', 'p.txt')
  t.notMatch(plain.yaml, /^device:/m, 'standard commands name no family')
})
