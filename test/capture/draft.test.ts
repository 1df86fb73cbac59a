import t from 'tap'
import { parseCaptureScript } from '../../src/capture/capture-script.js'
import type { CapturedStep } from '../../src/capture/capture-session.js'
import { buildDraftSteps } from '../../src/capture/draft-steps.js'
import { toDraftLine } from '../../src/capture/volatile-rules.js'
import { writeDraft } from '../../src/capture/write-draft.js'
import { lintSequence, loadSequenceText } from '../../src/sequence/index.js'

t.test('values that change become regexes of their shape; identifiers are never written', async t => {
  t.same(toDraftLine('OK'), { kind: 'exact', text: 'OK' })
  t.same(toDraftLine('864000000000005'), { kind: 'regex', source: '^\\d{15}$' })
  t.same(toDraftLine('+ICCID: 89860012345678901234'), { kind: 'regex', source: '^\\+ICCID: [0-9A-F]{19,20}$' })
  t.same(toDraftLine('+CSQ: 23,0'), { kind: 'regex', source: '^\\+CSQ: (?<rssi>\\d+),(?<ber>\\d+)$' })
  t.same(toDraftLine('+CGPADDR: 1,10.64.0.17'), { kind: 'regex', source: '^\\+CGPADDR: 1,\\d{1,3}(?:\\.\\d{1,3}){3}$' })
  t.same(toDraftLine('+CCLK: "24/11/25,12:01:02+36"'), { kind: 'regex', source: '^\\+CCLK: "[^"]*"$' })
  t.same(toDraftLine('+CMGS: 12'), { kind: 'regex', source: '^\\+CMGS: (?<message_ref>\\d+)$' })
  t.same(toDraftLine('/not/a/regex/'), { kind: 'regex', source: '^\\/not\\/a\\/regex\\/$' }, 'a line that looks like a regex is escaped')
})

t.test('script lines: commands, prompt data with its end, waits, and located problems', async t => {
  const parsed = parseCaptureScript('# c\nAT\n>abc\n>sms<ctrl-z>\n>x<esc>\nwait 2s\nwait soon\nhello\n')
  t.same(parsed.items, [
    { kind: 'command', text: 'AT', line: 2 },
    { kind: 'data', text: 'abc', end: 'none', line: 3 },
    { kind: 'data', text: 'sms', end: 'ctrl-z', line: 4 },
    { kind: 'data', text: 'x', end: 'esc', line: 5 },
    { kind: 'wait', durationMs: 2000, line: 6 },
  ])
  t.same(
    parsed.problems.map(p => [p.code, p.line]),
    [
      ['bad-wait', 7],
      ['not-a-command', 8],
    ],
  )
})

const step = (fields: Partial<CapturedStep> & Pick<CapturedStep, 'kind' | 'text'>): CapturedStep => ({
  end: 'none',
  command: fields.text,
  responses: [],
  urcs: [],
  startedAtMs: 0,
  final: 'OK',
  ...fields,
})

t.test(
  'a captured session becomes numbered steps: prompt pairs as n.1/n.2, URCs on their step, a draft that loads and lints clean',
  async t => {
    const captured: CapturedStep[] = [
      step({ kind: 'command', text: 'AT+CGSN', responses: ['864000000000005'] }),
      step({
        kind: 'command',
        text: 'AT+CMQTTSTART',
        urcs: [
          { text: '+CMQTTSTART: 0', afterMs: 12_000 },
          { text: 'RDY', afterMs: 5 },
        ],
      }),
      step({ kind: 'command', text: 'AT+CMQTTTOPIC=0,4', final: '>' }),
      step({ kind: 'data', text: 'a{{b', command: 'AT+CMQTTTOPIC=0,4' }),
      step({ kind: 'command', text: 'AT+CMGS="1"', final: '>' }),
      step({ kind: 'data', text: 'hi', end: 'ctrl-z', command: 'AT+CMGS="1"', responses: ['+CMGS: 4'] }),
    ]
    const { steps, ambient } = buildDraftSteps(captured, { defaultTimeoutMs: 10_000 })
    t.same(
      steps.map(s => s.no),
      ['1', '2', '3.1', '3.2', '4.1', '4.2'],
    )
    t.same(ambient, ['RDY'])
    t.equal(steps[1]!.timeoutMs, 36_000, "a slow URC widens the step's timeout")
    const text = writeDraft({ name: 'draft', device: 'simcom-a76xx', source: 'test', defaultTimeoutMs: 10_000, ambient }, steps)
    t.notMatch(text, /864000000000005/)
    t.match(text, /end: ctrl-z/)
    const loaded = loadSequenceText('draft.yaml', Buffer.from(text))
    t.same(loaded.diagnostics, [])
    t.ok(loaded.sequence)
    t.same(lintSequence(loaded.sequence!), [])
    const data = loaded.sequence!.steps[3]!.action
    t.equal(data.kind === 'data' ? data.data.text : '', 'a\\{{b', 'a literal {{ is escaped for the template engine')
  },
)

t.test('a command that got no answer is kept: it expects what arrived and is marked for review', async t => {
  const captured: CapturedStep[] = [
    step({ kind: 'command', text: 'AT' }),
    step({ kind: 'command', text: 'AT+CFTPSSTART', final: undefined, unanswered: { waitedMs: 30_000, outcome: 'timeout' } }),
    step({ kind: 'command', text: 'AT+CMQTTTOPIC=0,4', final: '>' }),
    step({ kind: 'data', text: 'abcde', end: 'ctrl-z', command: 'AT+CMQTTTOPIC=0,4' }),
    step({
      kind: 'command',
      text: 'AT+CSQ',
      final: undefined,
      responses: ['+CSQ: 20,99'],
      unanswered: { waitedMs: 1500, outcome: 'cancelled' },
    }),
  ]
  const { steps } = buildDraftSteps(captured, { defaultTimeoutMs: 10_000 })
  t.same(
    steps.map(s => [s.no, s.review !== undefined]),
    [
      ['1', false],
      ['2', true],
      ['3.1', false],
      ['3.2', false],
      ['4', true],
    ],
  )
  t.match(steps[1]!.review, /within 30s; nothing arrived/)
  t.same(steps[1]!.expect, [], 'no final result code is invented')
  t.match(steps[4]!.review, /cancelled after 1500ms; only the lines below arrived/)
  const text = writeDraft({ name: 'draft', device: 'simcom-a76xx', source: 'test', defaultTimeoutMs: 10_000, ambient: [] }, steps)
  t.match(text, /# review: no final result code within 30s/)
  const loaded = loadSequenceText('draft.yaml', Buffer.from(text))
  t.same(loaded.diagnostics, [])
  t.same(
    lintSequence(loaded.sequence!).map(d => d.code),
    ['no-expectation', 'prompt-length-mismatch'],
    'the unanswered step and the wrong-length data are flagged, not hidden',
  )
})
