import t from 'tap'
import { lintSequence, loadSequenceText } from '../../../src/sequence/index.js'

// Where each rule warns, the cases it must leave alone, and the words of its warnings: which step, which
// character, which family. Each warning is given whole (code, line, column, message, hint).

type Warning = [string, number, number, string, string | undefined]

function lintCode(code: string, lines: string[], options: { vars?: Record<string, string> } = {}): Warning[] {
  const { sequence, diagnostics } = loadSequenceText('lint.yaml', Buffer.from(['sequence: lint', ...lines].join('\n')))
  if (sequence === undefined) throw new Error(`fixture invalid: ${JSON.stringify(diagnostics)}`)
  return lintSequence(sequence, options)
    .filter(d => d.code === code)
    .map(d => [d.code, d.at.line, d.at.col, d.message, d.hint])
}

const NO_EXPECT_HINT = 'write what it must answer, e.g. expect: OK'
const NON_ASCII_HINT = 'put the text in a variable sent at a > prompt, or remove it'

t.test('a step is named by its phase: "step 1", "setup step s1", "teardown step t1"', async t => {
  t.same(lintCode('no-expectation', ['setup:', '  - { send: AT }', 'steps:', '  - { send: AT+CSQ }', 'teardown:', '  - { send: AT }']), [
    ['no-expectation', 3, 5, 'setup step s1: expects nothing', NO_EXPECT_HINT],
    ['no-expectation', 5, 5, 'step 1: expects nothing', NO_EXPECT_HINT],
    ['no-expectation', 7, 5, 'teardown step t1: expects nothing', NO_EXPECT_HINT],
  ])
})

t.test('no-expectation: a command or data step that writes down nothing it expects', async t => {
  t.same(lintCode('no-expectation', ['steps:', '  - { send: "AT+CMQTTPUB=0,1,60", expect: ">" }', '  - { data: abc }']), [
    ['no-expectation', 4, 5, 'step 2: expects nothing', NO_EXPECT_HINT],
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
  t.same(
    lintCode('non-ascii-command', [
      'steps:',
      '  - { send: "AT\\t+CSQ", expect: OK }',
      '  - { send: "AT+C~SQ", expect: OK }',
      '  - { send: "“AT+CSQ", expect: OK }',
      '  - { send: "AT+CSQé", expect: OK }',
      '  - { send: "AT+CSQ=\\u00a0", expect: OK }',
    ]),
    [
      [
        'non-ascii-command',
        3,
        16,
        'step 1: the command contains a non-ASCII character \t (U+0009); modems only take ASCII',
        NON_ASCII_HINT,
      ],
      [
        'non-ascii-command',
        5,
        14,
        'step 3: the command contains a curly quote “ (U+201C); modems only take ASCII',
        'use straight double quotes "',
      ],
      ['non-ascii-command', 6, 20, 'step 4: the command contains a non-ASCII character é (U+00E9); modems only take ASCII', NON_ASCII_HINT],
      [
        'non-ascii-command',
        7,
        21,
        'step 5: the command contains a non-ASCII character \u00a0 (U+00A0); modems only take ASCII',
        NON_ASCII_HINT,
      ],
    ],
    'a tab is outside printable ASCII; ~ is the last character inside it; a curly quote gets its own hint',
  )
})

t.test('todo-step: quotes the row that was not interpreted', async t => {
  t.same(lintCode('todo-step', ['steps:', '  - { todo: "frobnicate the modem" }']), [
    [
      'todo-step',
      3,
      5,
      'step 1: this row was not interpreted and will not run: "frobnicate the modem"',
      'write the command it stands for as send: ... and remove todo:',
    ],
  ])
})

t.test('undefined-variable: an input counts as defined; the hint names the variable three ways', async t => {
  const lines = ['inputs:', '  - { name: apn }', 'steps:', '  - { send: \'AT+CGDCONT=1,"IP","{{apn}}",{{nope}}\', expect: OK }']
  t.same(lintCode('undefined-variable', lines), [
    [
      'undefined-variable',
      5,
      44,
      "variable 'nope' is not defined",
      'define it under vars:, pass --var nope=..., or capture it with (?<nope>...) in an earlier step',
    ],
  ])
  t.same(lintCode('undefined-variable', lines, { vars: { nope: '1' } }), [], 'a --var defines it')
})

t.test('unknown-command: names the device family, or atseq without one', async t => {
  const steps = ['steps:', '  - { send: " AT+CFTPSSTAR ", expect: OK }']
  t.same(
    lintCode('unknown-command', steps),
    [['unknown-command', 3, 14, 'step 1: AT+CFTPSSTAR is not a command atseq modems are known to take', 'did you mean AT+CFTPSSTART?']],
    'no device',
  )
  t.same(
    lintCode('unknown-command', ['device: simcom-a76xx', ...steps]),
    [['unknown-command', 4, 14, 'step 1: AT+CFTPSSTAR is not a command simcom modems are known to take', 'did you mean AT+CFTPSSTART?']],
    'a SIMCom device',
  )
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
