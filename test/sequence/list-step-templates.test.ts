/** Which templates a step renders (lint checks their variables) and which variables its regexes capture. */
import t from 'tap'
import type { LineMatcher, Step, StepAction, Template } from '../../src/model/sequence.js'
import { listCaptures, listMatcherTemplates, listStepTemplates } from '../../src/sequence/list-step-templates.js'

/** A template written on line `line` of s.yaml. */
function tpl(text: string, line = 1): Template {
  return { text, at: { file: 's.yaml', line, col: 5 } }
}

const exact = (text: string): Extract<LineMatcher, { kind: 'exact' }> => ({ kind: 'exact', text: tpl(text) })
const regex = (pattern: string): Extract<LineMatcher, { kind: 'regex' }> => ({ kind: 'regex', pattern: tpl(pattern), flags: '' })

function stepOf(action: StepAction, more: Partial<Step> = {}): Step {
  return { no: '1', action, expect: [], urcs: [], continueOnFailure: false, at: { file: 's.yaml', line: 1, col: 3 }, ...more }
}

/** The texts of the templates a step renders, in order. */
function textsOf(step: Step): string[] {
  return listStepTemplates(step).map(template => template.text)
}

t.test('a send step renders its command, then its expected lines, final result code and URCs', async t => {
  const step = stepOf(
    { kind: 'send', command: tpl('AT+CGDCONT=1,"IP","{{apn}}"') },
    {
      expect: [exact('+CGDCONT: {{cid}}'), regex('^\\+CSQ: {{rssi}}')],
      final: { matcher: exact('+CME ERROR: {{code}}') },
      urcs: [exact('+CREG: {{stat}}')],
    },
  )
  t.same(textsOf(step), [
    'AT+CGDCONT=1,"IP","{{apn}}"',
    '+CGDCONT: {{cid}}',
    '^\\+CSQ: {{rssi}}',
    '+CME ERROR: {{code}}',
    '+CREG: {{stat}}',
  ])
})

t.test('the templates are the very ones of the step, keeping where they are written', async t => {
  const command = tpl('AT', 4)
  const line = exact('OK')
  const templates = listStepTemplates(stepOf({ kind: 'send', command }, { expect: [line] }))
  t.equal(templates[0], command)
  t.equal(templates[1], line.text)
})

t.test('a data step renders its data', async t => {
  t.same(textsOf(stepOf({ kind: 'data', data: tpl('{{payload}}'), encoding: 'text', end: 'ctrl-z' })), ['{{payload}}'])
})

t.test('a publish step renders the topic and, when given, the payload of its message', async t => {
  t.same(textsOf(stepOf({ kind: 'publish', message: { topic: tpl('dev/{{id}}'), payload: tpl('{{msg}}') } })), ['dev/{{id}}', '{{msg}}'])
  t.same(textsOf(stepOf({ kind: 'publish', message: { topic: tpl('dev/{{id}}') } })), ['dev/{{id}}'])
})

t.test('wait and sleep steps render only their lines', async t => {
  t.same(textsOf(stepOf({ kind: 'wait' }, { urcs: [exact('+CMQTTRXSTART: {{n}}')] })), ['+CMQTTRXSTART: {{n}}'])
  t.same(textsOf(stepOf({ kind: 'sleep', durationMs: 1000 })), [])
})

t.test('a broker check renders the topic and, when given, the payload it expects, after the lines', async t => {
  const received = { topic: tpl('up/{{id}}'), payload: tpl('{{msg}}') }
  t.same(textsOf(stepOf({ kind: 'check' }, { expect: [exact('L')], broker: { received, will: false } })), ['L', 'up/{{id}}', '{{msg}}'])
  t.same(textsOf(stepOf({ kind: 'check' }, { broker: { received: { topic: tpl('up/{{id}}') }, will: true } })), ['up/{{id}}'])
})

t.test("a serve step's action and server checks come last", async t => {
  const step = stepOf(
    { kind: 'serve', serve: { server: 'tcp', kind: 'send', bytes: { encoding: 'text', text: tpl('{{word}}') } } },
    {
      urcs: [exact('+CIPRXGET: 1')],
      broker: { received: { topic: tpl('t') }, will: false },
      server: [{ server: 'tcp', kind: 'bytes', received: { encoding: 'text', text: tpl('{{reply}}') }, at: tpl('').at }],
    },
  )
  t.same(textsOf(step), ['+CIPRXGET: 1', 't', '{{word}}', '{{reply}}'])
})

t.test('a line that must not appear renders the text or pattern it names', async t => {
  const matchers: LineMatcher[] = [
    { kind: 'absent', matcher: exact('+CME ERROR: {{code}}') },
    { kind: 'absent', matcher: regex('^ERROR {{n}}$') },
    exact('OK'),
  ]
  t.same(
    listMatcherTemplates(matchers).map(template => template.text),
    ['+CME ERROR: {{code}}', '^ERROR {{n}}$', 'OK'],
  )
})

t.test('named groups of expected lines, URCs and the final result code become variables, in that order', async t => {
  const step = stepOf(
    { kind: 'send', command: tpl('AT+CSQ') },
    {
      expect: [regex('^\\+CSQ: (?<rssi>\\d+),(?<ber>\\d+)$'), exact('(?<notRegex>x)')],
      urcs: [regex('^\\+CREG: (?<stat_2>\\d)$')],
      final: { matcher: regex('^\\+CME ERROR: (?<_code>\\d+)$') },
    },
  )
  t.same(listCaptures(step), ['rssi', 'ber', 'stat_2', '_code'])
})

t.test('groups that do not capture by name give no variables', async t => {
  const step = stepOf(
    { kind: 'wait' },
    {
      expect: [regex('(?:a)(?<=b)(?<!c)(d)(?<9x>e)'), { kind: 'absent', matcher: regex('(?<gone>x)') }],
      final: { matcher: exact('OK') },
    },
  )
  t.same(listCaptures(step), [])
})

t.test('a step without regexes captures nothing', async t => {
  t.same(listCaptures(stepOf({ kind: 'send', command: tpl('AT') }, { expect: [exact('OK')] })), [])
})
