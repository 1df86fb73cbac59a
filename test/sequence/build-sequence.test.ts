import t from 'tap'
import type { Test } from 'tap'
import { loadSequenceText, type Diagnostic } from '../../src/sequence/index.js'

/** The sequence a file builds, without its hash and without where each part is written (other tests check those). */
function built(t: Test, text: string): unknown {
  const { sequence, diagnostics } = loadSequenceText('t.yaml', Buffer.from(text))
  if (sequence === undefined) throw new Error(`fixture invalid: ${JSON.stringify(diagnostics)}`)
  const { sha256, ...rest } = sequence
  t.match(sha256, /^[0-9a-f]{64}$/)
  const unset: string[] = []
  const plain = JSON.stringify(rest, (key, value: unknown) => {
    if (value === undefined) unset.push(key)
    return key === 'at' || key === 'spans' ? undefined : value
  })
  t.same(unset, [], 'an optional key left out is absent, never present as undefined')
  return JSON.parse(plain)
}

/** Each diagnostic a file gets, as its code and `line:col`; with `t`, what each says goes to the snapshot. */
function problems(text: string, t?: Test): Array<[string, string]> {
  const { diagnostics } = loadSequenceText('t.yaml', Buffer.from(text))
  t?.matchSnapshot(diagnostics.map(wording).join('\n'), 'what each diagnostic says')
  return diagnostics.map((d: Diagnostic) => [d.code, `${d.at.line}:${d.at.col}`])
}

function wording(d: Diagnostic): string {
  return `${d.at.line}:${d.at.col} ${d.message}${d.hint === undefined ? '' : ` (${d.hint})`}`
}

const send = (text: string): unknown => ({ kind: 'send', command: { text } })
const exact = (text: string): unknown => ({ kind: 'exact', text: { text } })
const ends = (text: string): unknown => ({ matcher: exact(text) })

t.test('every key of a file and of its steps reaches the built sequence', async t => {
  const file = [
    'sequence: rich',
    'device: quectel',
    'system: QuecOpen',
    'source: spec.pdf',
    'tags: [mqtt, tls]',
    'vars:',
    '  apn: internet',
    '  pin: { value: 1234, secret: true }',
    '  pwd: { value: x }',
    '  user: bob',
    'secrets: [user]',
    'inputs: [host, { name: port, description: the port }, { name: qos }]',
    'timeout: 2s',
    'settle: 150ms',
    'abort: [ "+CPIN: NOT READY" ]',
    'setup:',
    '  - { send: AT, expect: OK }',
    'steps:',
    '  - { no: 7, description: send it, send: "AT+QISEND=0,5", expect: [ ">" ] }',
    '  - { data: hello, end: ctrl-z, expect: [ SEND OK ] }',
    '  - { data: "1A 0D ", hex: true, expect: OK }',
    '  - { wait: "+QIURC: closed", within: 3s }',
    '  - { sleep: 1s }',
    '  - { todo: row 9 garbled }',
    '  - { send: AT+X, expect: [ "+X: 1", OK ], retry: { times: 2, every: 500ms }, continue_on_failure: true, timeout: 4s }',
    String.raw`  - { send: AT+Y, expect: [ "/^\\+Y: \\d+$/i", "+Y: end" ], urc: "+Y: late" }`,
    '  - { no: 8.1, send: AT+Z, expect: [ { not: ERROR }, OK ], continue_on_failure: false }',
    'teardown:',
    '  - { send: AT+QIDEACT=1, expect: OK }',
  ].join('\n')
  const bare = { expect: [], urcs: [], continueOnFailure: false }
  t.same(built(t, file), {
    file: 't.yaml',
    name: 'rich',
    system: 'QuecOpen',
    source: 'spec.pdf',
    device: 'quectel',
    tags: ['mqtt', 'tls'],
    vars: {
      apn: { value: 'internet', secret: false },
      pin: { value: '1234', secret: true },
      pwd: { value: 'x', secret: false },
      user: { value: 'bob', secret: true },
    },
    inputs: [{ name: 'host' }, { name: 'port', description: 'the port' }, { name: 'qos' }],
    abort: [exact('+CPIN: NOT READY')],
    defaultTimeoutMs: 2000,
    settleMs: 150,
    setup: [{ no: 's1', action: send('AT'), ...bare, final: ends('OK') }],
    steps: [
      { no: '7', description: 'send it', action: send('AT+QISEND=0,5'), ...bare, final: ends('>') },
      { no: '2', action: { kind: 'data', data: { text: 'hello' }, encoding: 'text', end: 'ctrl-z' }, ...bare, final: ends('SEND OK') },
      { no: '3', action: { kind: 'data', data: { text: '1A 0D ' }, encoding: 'hex', end: 'none' }, ...bare, final: ends('OK') },
      { no: '4', action: { kind: 'wait' }, ...bare, urcs: [exact('+QIURC: closed')], urcWithinMs: 3000 },
      { no: '5', action: { kind: 'sleep', durationMs: 1000 }, ...bare },
      { no: '6', action: { kind: 'todo', original: 'row 9 garbled' }, ...bare },
      {
        no: '7',
        action: send('AT+X'),
        ...bare,
        expect: [exact('+X: 1')],
        final: ends('OK'),
        timeoutMs: 4000,
        retry: { times: 2, everyMs: 500 },
        continueOnFailure: true,
      },
      {
        no: '8',
        action: send('AT+Y'),
        ...bare,
        expect: [{ kind: 'regex', pattern: { text: String.raw`^\+Y: \d+$` }, flags: 'i' }, exact('+Y: end')],
        urcs: [exact('+Y: late')],
      },
      { no: '8.1', action: send('AT+Z'), ...bare, expect: [{ kind: 'absent', matcher: exact('ERROR') }], final: ends('OK') },
    ],
    teardown: [{ no: 't1', action: send('AT+QIDEACT=1'), ...bare, final: ends('OK') }],
  })
})

t.test('a file without the optional keys gets the defaults: no tags, no variables, a 10 s timeout, no settle time', async t => {
  t.same(built(t, 'sequence: bare\nsteps:\n  - { send: AT }\n'), {
    file: 't.yaml',
    name: 'bare',
    tags: [],
    vars: {},
    abort: [],
    defaultTimeoutMs: 10000,
    setup: [],
    steps: [{ no: '1', action: send('AT'), expect: [], urcs: [], continueOnFailure: false }],
    teardown: [],
  })
})

t.test("a family's own final result code ends a step only on that family, or on any when device: names none", async t => {
  const step = (device: string): unknown =>
    (built(t, `sequence: s\n${device}steps:\n  - { send: AT+CIPSEND, expect: [ SEND OK ] }\n`) as { steps: unknown[] }).steps[0]
  const asFinal = { no: '1', action: send('AT+CIPSEND'), expect: [], final: ends('SEND OK'), urcs: [], continueOnFailure: false }
  t.same(step('device: quectel\n'), asFinal, 'Quectel ends a send with SEND OK')
  t.same(step(''), asFinal, 'no device: every family is allowed its finals')
  t.same(step('device: A7670\n'), asFinal, 'a device name no family lists reads as any family')
  t.same(
    step('device: simcom\n'),
    { no: '1', action: send('AT+CIPSEND'), expect: [exact('SEND OK')], urcs: [], continueOnFailure: false },
    'SIMCom has no SEND OK final',
  )
})

t.test('what the schema cannot check is reported with its code and place, and says what is wrong', async t => {
  const file = [
    'sequence: bad',
    'timeout: 40000m',
    'secrets: [nope]',
    'abort: [ { not: x } ]',
    'steps:',
    '  - { send: AT, expect: [ OK ], urc: [ { not: "+A" } ], timeout: 40000m }',
    '  - { wait: [ { not: "+B" } ] }',
    String.raw`  - { send: "AT+A\nAT+B", expect: OK }`,
    String.raw`  - { send: "AT+A\n", expect: OK }`,
    '  - { data: 1A0, hex: true, expect: OK }',
    '  - { data: "{{x}}", hex: true, expect: OK }',
    '  - { data: 1Z, expect: OK }',
    '  - { send: AT, expect: OK, within: 1s }',
    '  - { send: AT, expect: [ "/(a/" ] }',
    '  - { send: AT, expect: [ "/(?=a)b/" ] }',
    '  - { no: 9, send: AT, expect: OK, retry: { times: 1, every: 40000m } }',
  ].join('\n')
  t.same(problems(file, t), [
    ['duration-out-of-range', '2:10'],
    ['unknown-secret', '3:11'],
    ['misplaced-not', '4:12'],
    ['misplaced-not', '6:42'],
    ['duration-out-of-range', '6:66'],
    ['misplaced-not', '7:17'],
    ['multiline-command', '8:13'],
    ['multiline-command', '9:13'],
    ['bad-hex', '10:13'],
    ['misplaced-key', '13:29'],
    ['bad-regex', '14:29'],
    ['regex-unsupported', '15:29'],
    ['duration-out-of-range', '16:62'],
  ])
})

t.test('hex data is pairs of hex digits with any spaces between, before and after them', async t => {
  for (const data of ['1A', '1a 0d 0A', ' 1A0D ', 'ff\t00'])
    t.same(problems(`sequence: s\nsteps:\n  - { data: "${data}", hex: true }\n`), [], data)
  for (const data of ['1A0', '1G', '1A x', '1 A'])
    t.same(
      problems(`sequence: s\nsteps:\n  - { data: "${data}", hex: true }\n`).map(p => p[0]),
      ['bad-hex'],
      `${JSON.stringify(data)} is not hex`,
    )
})

t.test('a template inside a regex stands for one character when the regex is checked', async t => {
  for (const pattern of ['/^{{count}}+$/', String.raw`/^\\+ID: {{id}}$/u`, '/^[{{low}}-z]$/'])
    t.same(problems(`sequence: s\nvars: { count: 1, id: 2, low: a }\nsteps:\n  - { send: AT, expect: [ "${pattern}" ] }\n`), [], pattern)
})

t.test('a command may end with one line break only where YAML adds it, and never holds one inside', async t => {
  t.same(problems('sequence: s\nsteps:\n  - send: |\n      AT\n', t), [['multiline-command', '3:11']])
  t.same(problems('sequence: s\nsteps:\n' + String.raw`  - { send: "AT\rAT" }`, t), [['multiline-command', '3:13']])
})

t.test('a publish action and a broker check keep the message keys written, and no others', async t => {
  const file = [
    'sequence: s',
    'steps:',
    '  - { publish: { topic: t/1, payload: hi, qos: 1, retain: true } }',
    '  - { publish: { topic: t/2 } }',
    '  - { send: AT, broker: { received: { topic: t/3, payload: x, qos: 0, retain: false } } }',
    '  - { send: AT, broker: { received: { topic: t/4 }, will: true } }',
  ].join('\n')
  const steps = (built(t, file) as { steps: Array<{ action: unknown; broker?: unknown }> }).steps
  t.same(
    steps.map(step => [step.action, step.broker]),
    [
      [{ kind: 'publish', message: { topic: { text: 't/1' }, payload: { text: 'hi' }, qos: 1, retain: true } }, undefined],
      [{ kind: 'publish', message: { topic: { text: 't/2' } } }, undefined],
      [send('AT'), { received: { topic: { text: 't/3' }, payload: { text: 'x' }, qos: 0, retain: false }, will: false }],
      [send('AT'), { received: { topic: { text: 't/4' } }, will: true }],
    ],
  )
})

t.test("a file's settle time is bounded like its timeout", async t => {
  t.same(problems('sequence: s\nsettle: 2000m\nsteps:\n  - { send: AT }\n'), [['duration-out-of-range', '2:9']])
})
