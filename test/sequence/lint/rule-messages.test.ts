import t, { type Test } from 'tap'
import { lintSequence, loadSequenceText } from '../../../src/sequence/index.js'

// Where each rule warns, the cases it must leave alone, and the words of its warnings. The codes and places are
// asserted here; the messages and hints (which step, which character, which family) are kept in the committed
// snapshot (tap-snapshots/), so that a rule naming the wrong step or character fails.

type Warning = [string, number, number, string, string | undefined]

function lintCode(code: string, lines: string[], options: { vars?: Record<string, string> } = {}): Warning[] {
  const { sequence, diagnostics } = loadSequenceText('lint.yaml', Buffer.from(['sequence: lint', ...lines].join('\n')))
  if (sequence === undefined) throw new Error(`fixture invalid: ${JSON.stringify(diagnostics)}`)
  return lintSequence(sequence, options)
    .filter(d => d.code === code)
    .map(d => [d.code, d.at.line, d.at.col, d.message, d.hint])
}

/** Asserts the codes and places, and matches the words against the snapshot. */
function assertWarnings(t: Test, warnings: Warning[], places: Array<[string, number, number]>, message?: string): void {
  t.same(
    warnings.map(([code, line, col]) => [code, line, col]),
    places,
    message,
  )
  t.matchSnapshot(
    warnings.map(([, , , text, hint]) => ({ text, hint })),
    message,
  )
}

t.test('a step is named by its phase: "step 1", "setup step s1", "teardown step t1"', async t => {
  assertWarnings(
    t,
    lintCode('no-expectation', ['setup:', '  - { send: AT }', 'steps:', '  - { send: AT+CSQ }', 'teardown:', '  - { send: AT }']),
    [
      ['no-expectation', 3, 5],
      ['no-expectation', 5, 5],
      ['no-expectation', 7, 5],
    ],
  )
})

t.test('no-expectation: a command or data step that writes down nothing it expects', async t => {
  assertWarnings(t, lintCode('no-expectation', ['steps:', '  - { send: "AT+CMQTTPUB=0,1,60", expect: ">" }', '  - { data: abc }']), [
    ['no-expectation', 4, 5],
  ])
  t.same(
    lintCode('no-expectation', [
      'steps:',
      '  - { send: AT+A, expect: "+A: 1" }',
      '  - { send: AT+B, expect: ERROR }',
      '  - { send: AT+C, urc: "+C: 1" }',
      '  - { send: AT+D, expect: { raw: hi } }',
      '  - { send: "AT+E", broker: { received: { topic: a, payload: b } } }',
      '  - { send: "AT+F", server: { tcp: { received: hello } } }',
      '  - { sleep: 1s }',
      '  - { wait: "+G: 1", timeout: 1s }',
    ]),
    [],
    'an expected line, a final result, a URC, raw bytes, a broker or a server check each count; a sleep or wait sends nothing',
  )
})

t.test('non-ascii-command: names the first character outside printable ASCII, with its code point', async t => {
  assertWarnings(
    t,
    lintCode('non-ascii-command', [
      'steps:',
      '  - { send: "AT\\t+CSQ", expect: OK }',
      '  - { send: "AT+C~SQ", expect: OK }',
      '  - { send: "“AT+CSQ", expect: OK }',
      '  - { send: "AT+CSQé", expect: OK }',
      '  - { send: "AT+CSQ=\\u00a0", expect: OK }',
    ]),
    [
      ['non-ascii-command', 3, 16],
      ['non-ascii-command', 5, 14],
      ['non-ascii-command', 6, 20],
      ['non-ascii-command', 7, 21],
    ],
    'a tab is outside printable ASCII; ~ is the last character inside it; a curly quote gets its own hint',
  )
})

t.test('todo-step: quotes the row that was not interpreted', async t => {
  assertWarnings(t, lintCode('todo-step', ['steps:', '  - { todo: "frobnicate the modem" }']), [['todo-step', 3, 5]])
})

t.test('undefined-variable: an input counts as defined; the hint names the variable three ways', async t => {
  const lines = ['inputs:', '  - { name: apn }', 'steps:', '  - { send: \'AT+CGDCONT=1,"IP","{{apn}}",{{nope}}\', expect: OK }']
  assertWarnings(t, lintCode('undefined-variable', lines), [['undefined-variable', 5, 44]])
  t.same(lintCode('undefined-variable', lines, { vars: { nope: '1' } }), [], 'a --var defines it')
})

t.test('unknown-command: names the device family, or atseq without one', async t => {
  const steps = ['steps:', '  - { send: " AT+CFTPSSTAR ", expect: OK }']
  assertWarnings(t, lintCode('unknown-command', steps), [['unknown-command', 3, 14]], 'no device')
  assertWarnings(t, lintCode('unknown-command', ['device: simcom-a76xx', ...steps]), [['unknown-command', 4, 14]], 'a SIMCom device')
})

t.test('unknown-command: text that is not an AT command line is left to other rules', async t => {
  t.same(
    lintCode('unknown-command', ['device: simcom-a76xx', 'steps:', '  - { send: "+++", expect: OK }', '  - { send: "A/", expect: OK }']),
    [],
  )
})

t.test('urc-name-mismatch: a line the modem also sends unasked is never the wrong answer to a command', async t => {
  // +CPIN is a command (AT+CPIN?) and a URC (+CPIN: READY after a restart or AT+CFUN=1).
  t.same(
    lintCode('urc-name-mismatch', [
      'device: simcom-a76xx',
      'steps:',
      '  - { send: "AT+CFUN=1", expect: OK, urc: "+CPIN: READY" }',
      '  - { send: "AT+CSQ", expect: "+CPIN: READY" }',
    ]),
    [],
  )
})
