import t, { type Test } from 'tap'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadSequence, loadSequenceText, MAX_SEQUENCE_BYTES, type Sequence, type Step } from '../../src/sequence/index.js'

const seedFile = fileURLToPath(new URL('../../sequences/simcom/mqtts-not-verify-server.yaml', import.meta.url))

async function loadSeed(t: Test): Promise<Sequence> {
  const result = await loadSequence(seedFile)
  t.same(result.diagnostics, [], 'the seed has no diagnostics')
  return result.sequence!
}

function stepNo(sequence: Sequence, no: string): Step {
  const step = sequence.steps.find(s => s.no === no)
  if (step === undefined) throw new Error(`no step ${no}`)
  return step
}

t.test('the seed loads into the model', async t => {
  const seed = await loadSeed(t)
  t.equal(seed.name, 'MQTTS - Not Verify Server')
  t.equal(seed.defaultTimeoutMs, 10_000)
  t.match(seed.sha256, /^[0-9a-f]{64}$/)
  t.same(seed.vars['will_topic'], { value: '0123456789', secret: false })
  t.same(seed.vars['client'], { value: '0', secret: false })
  t.same(
    seed.abort.map(m => m.kind),
    ['regex', 'regex'],
  )
  const start = stepNo(seed, '2')
  t.match(start, {
    action: { kind: 'send', command: { text: 'AT+CMQTTSTART' } },
    expect: [],
    urcs: [{ kind: 'exact', text: { text: '+CMQTTSTART: 0' } }],
    timeoutMs: 30_000,
  })
  t.match(start.final, { matcher: { kind: 'exact', text: { text: 'OK' } } })
  t.match(stepNo(seed, '4.1').final, { matcher: { text: { text: '>' } } })
  t.match(stepNo(seed, '4.2').action, { kind: 'data', data: { text: '{{will_topic}}' }, encoding: 'text', end: 'none' })
  t.match(stepNo(seed, '9').broker, { received: { topic: { text: '{{pub_topic}}' }, qos: 1 }, will: false })
  t.equal(stepNo(seed, '16').urcs.length, 2)
  t.equal(stepNo(seed, '4.2').description, 'Input 10 Character as topic')
  t.equal(stepNo(seed, '1').description, 'PDP Context 설정', 'Korean survives')
  t.equal(seed.teardown.length, 3)
  t.same(
    seed.teardown.map(s => s.no),
    ['t1', 't2', 't3'],
  )
  t.match(seed.teardown[0]!.final, { matcher: { kind: 'regex', flags: '' } })
})

t.test('every row of the seed table is a step, in order', async t => {
  const seed = await loadSeed(t)
  const rows = [
    '1',
    '2',
    '3',
    '4.1',
    '4.2',
    '5.1',
    '5.2',
    '6',
    '7.1',
    '7.2',
    '8.1',
    '8.2',
    '9',
    '10.1',
    '10.2',
    '11.1',
    '11.2',
    '12',
    '13.1',
    '13.2',
    '14',
    '15',
    '16',
  ]
  t.same(
    seed.steps.map(s => s.no).filter(no => !/[a-z]/.test(no)),
    rows,
  )
})

t.test('templates and steps keep their locations', async t => {
  const seed = await loadSeed(t)
  const step = stepNo(seed, '4.1')
  t.equal(step.at.file, seedFile)
  t.ok(step.at.line > 1)
  t.equal(step.at.col, 5)
  if (step.action.kind !== 'send') throw new Error('send expected')
  t.equal(step.action.command.at.line, step.at.line + 1)
  t.equal(step.action.command.at.col, 11)
})

t.test('numbers are kept exactly as written', async t => {
  const yaml =
    'sequence: n\nvars:\n  topic: 0123\n  flag: true\nsteps:\n  - no: 4.10\n    send: AT\n    expect: OK\n  - no: 5\n    publish: { topic: t, qos: 1 }\n'
  const result = loadSequenceText('n.yaml', Buffer.from(yaml))
  t.same(result.diagnostics, [])
  t.equal(result.sequence!.steps[0]!.no, '4.10')
  t.equal(result.sequence!.steps[1]!.no, '5')
  t.equal(result.sequence!.vars['topic']!.value, '0123')
  t.equal(result.sequence!.vars['flag']!.value, 'true')
  t.match(result.sequence!.steps[1]!.action, { kind: 'publish', message: { qos: 1 } })
})

t.test('the last expected line is the final result only when it is a final result code', async t => {
  const yaml = [
    'sequence: finals',
    'steps:',
    '  - send: AT+CSQ',
    "    expect: ['/^\\+CSQ: (?<rssi>\\d+),(?<ber>\\d+)$/', OK]",
    '  - send: AT+X',
    "    expect: ['+CME ERROR: 10']",
    '  - send: AT+Y',
    "    expect: ['/^(OK|ERROR)$/']",
    '  - send: AT+Z',
    "    expect: ['+Z: 1', { not: ERROR }]",
    '  - send: ATD123',
    '    expect: CONNECT 9600',
  ].join('\n')
  const { sequence, diagnostics } = loadSequenceText('f.yaml', Buffer.from(yaml))
  t.same(diagnostics, [])
  const [csq, cme, either, negative, dial] = sequence!.steps
  t.equal(csq!.expect.length, 1)
  t.match(csq!.final, { matcher: { kind: 'exact', text: { text: 'OK' } } })
  t.match(cme!.final, { matcher: { text: { text: '+CME ERROR: 10' } } })
  t.match(either!.final, { matcher: { kind: 'regex', pattern: { text: '^(OK|ERROR)$' } } })
  t.equal(negative!.final, undefined)
  t.match(negative!.expect, [{ kind: 'exact' }, { kind: 'absent', matcher: { kind: 'exact', text: { text: 'ERROR' } } }])
  t.match(dial!.final, { matcher: { text: { text: 'CONNECT 9600' } } })
})

t.test('actions: wait, sleep, hex data with ctrl-z, publish, broker check alone, todo, retry, secrets', async t => {
  const yaml = [
    'sequence: kinds',
    'vars:',
    '  password: { value: pw, secret: true }',
    '  user: me',
    'secrets: [user]',
    'steps:',
    "  - wait: '+CMQTTCONNLOST: 0,1'",
    '    within: 5s',
    '  - sleep: 1.5s',
    '  - data: 1A 0D',
    '    hex: true',
    '    end: ctrl-z',
    '    expect: OK',
    '  - publish: { topic: t, payload: hi, qos: 2, retain: true }',
    '  - broker: { received: { topic: w }, will: true }',
    "  - todo: '1 | PDP Context | |'",
    '  - send: AT+CREG?',
    "    expect: ['+CREG: 0,1', OK]",
    '    retry: { times: 5, every: 2s }',
    '    continue_on_failure: true',
  ].join('\n')
  const { sequence, diagnostics } = loadSequenceText('k.yaml', Buffer.from(yaml))
  t.same(diagnostics, [])
  const steps = sequence!.steps
  t.match(steps[0], { action: { kind: 'wait' }, urcs: [{ kind: 'exact' }], urcWithinMs: 5000 })
  t.match(steps[1], { action: { kind: 'sleep', durationMs: 1500 } })
  t.match(steps[2], { action: { kind: 'data', encoding: 'hex', end: 'ctrl-z' } })
  t.match(steps[3], { action: { kind: 'publish', message: { qos: 2, retain: true, payload: { text: 'hi' } } } })
  t.match(steps[4], { action: { kind: 'check' }, broker: { will: true } })
  t.match(steps[5], { action: { kind: 'todo', original: '1 | PDP Context | |' } })
  t.match(steps[6], { retry: { times: 5, everyMs: 2000 }, continueOnFailure: true })
  t.same(sequence!.vars, { password: { value: 'pw', secret: true }, user: { value: 'me', secret: true } })
})

t.test('all errors are reported at once, in file order', async t => {
  const yaml =
    'sequence: many\nsteps:\n  - sned: AT\n    expect: OK\n  - send: AT\n    timeout: 5\n  - send: AT\n    expect: [OK, 3s]\n    retry: { times: x, every: 1s }\n'
  const { sequence, diagnostics } = loadSequenceText('m.yaml', Buffer.from(yaml))
  t.equal(sequence, undefined)
  t.same(
    diagnostics.map(d => [d.code, d.at.line]),
    [
      ['step-action', 3],
      ['unknown-key', 3],
      ['bad-duration', 6],
      ['wrong-type', 9],
    ],
  )
  t.match(diagnostics[1]!.hint, /did you mean 'send'/)
})

t.test('a schema problem does not hide the problems the schema cannot see: every one is reported, in file order', async t => {
  const yaml = [
    'sequence: four problems',
    'steps:',
    '  - send: AT',
    '    timeout: 5 parsecs',
    '  - send: AT+CSQ',
    '    expect: "/+CSQ: ([0-9/"',
    '  - send: AT+CREG?',
    '    expcet: OK',
    '  - send: AT+COPS?',
    '    timeout: 1 fortnight',
    '',
  ].join('\n')
  const { sequence, diagnostics } = loadSequenceText('four.yaml', Buffer.from(yaml))
  t.equal(sequence, undefined)
  t.same(
    diagnostics.map(d => [d.code, d.at.line, d.at.col]),
    [
      ['bad-duration', 4, 14],
      ['bad-regex', 6, 15],
      ['unknown-key', 8, 5],
      ['bad-duration', 10, 14],
    ],
  )
})

t.test('what the schema refuses is left out of the checks after it, without moving or inventing problems', async t => {
  const yaml = [
    'sequence: pruned',
    'vars: { pin: [1, 2] }',
    'secrets: [pin]',
    'steps:',
    '  - send: AT+CPIN={{pin}}',
    '    expect: [OK, [nested]]',
    '    retry: { times: 2 }',
    '  - plain text',
    '  - { send: AT, end: esc, within: 1s }',
    '  - { send: "AT{{bad", expect: "/(/" }',
    '',
  ].join('\n')
  const { diagnostics } = loadSequenceText('p.yaml', Buffer.from(yaml))
  t.same(
    diagnostics.map(d => [d.code, d.at.line]),
    [
      ['wrong-type', 2],
      ['wrong-type', 6],
      ['missing-key', 7],
      ['step-action', 8],
      ['wrong-type', 8],
      ['misplaced-key', 9],
      ['misplaced-key', 9],
      ['bad-template', 10],
      ['bad-regex', 10],
    ],
    'no unknown-secret for the refused value of a declared variable',
  )
})

t.test('a value of the wrong type is one problem, said once', async t => {
  const { diagnostics } = loadSequenceText('w.yaml', Buffer.from('sequence: x\nsteps: hello\n'))
  t.same(
    diagnostics.map(d => [d.code, d.at.line, d.at.col]),
    [['wrong-type', 2, 8]],
  )
})

t.test('unreadable files', async t => {
  const dir = t.testdir({ 'big.yaml': 'x'.repeat(64), 'bad-utf8.yaml': Buffer.from([0x73, 0x3a, 0x20, 0xff, 0xfe, 0x0a]), folder: {} })
  const missing = await loadSequence(join(dir, 'missing.yaml'))
  t.match(missing.diagnostics, [{ code: 'file-not-found', at: { line: 1, col: 1 } }])
  const huge = await loadSequence(join(dir, 'big.yaml'), { maxBytes: 32 })
  t.match(huge.diagnostics, [{ code: 'file-too-large' }])
  t.match((await loadSequence(join(dir, 'bad-utf8.yaml'))).diagnostics, [{ code: 'binary-file' }])
  t.match((await loadSequence(join(dir, 'folder'))).diagnostics, [{ code: 'not-a-file' }])
  t.equal(MAX_SEQUENCE_BYTES, 1024 * 1024)
  writeFileSync(join(dir, 'over.yaml'), Buffer.alloc(MAX_SEQUENCE_BYTES + 1, 0x20))
  t.match((await loadSequence(join(dir, 'over.yaml'))).diagnostics, [{ code: 'file-too-large' }], 'the default cap is 1 MiB')
})
