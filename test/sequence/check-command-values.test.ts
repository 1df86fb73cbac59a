/** Values that would break out of a command line are errors with their location, at validate time. */
import t from 'tap'
import { loadSequenceText } from '../../src/sequence/index.js'
import { checkCommandValues } from '../../src/sequence/check-command-values.js'

const load = (yaml: string) => loadSequenceText('x.yaml', Buffer.from(`sequence: s\n${yaml}`))
const codesAt = (yaml: string): Array<[string, number, number]> => load(yaml).diagnostics.map(d => [d.code, d.at.line, d.at.col])

t.test('a file var with CR LF used in a send line is located at the variable', async t => {
  const yaml = 'vars:\n  apn: "internet\\"\\r\\nAT+CRESET"\nsteps:\n  - send: AT+CGDCONT=1,"IP",{{apn}}\n'
  t.same(codesAt(yaml), [['control-character-in-value', 5, 31]])
})

t.test('each breaking byte is caught: CR, LF, Ctrl-Z, ESC, NUL', async t => {
  for (const escape of ['\\r', '\\n', '\\x1A', '\\e', '\\0']) {
    const yaml = `vars:\n  v: "a${escape}b"\nsteps:\n  - send: AT+X={{v}}\n`
    t.same(
      load(yaml).diagnostics.map(d => d.code),
      ['control-character-in-value'],
      escape,
    )
  }
})

t.test('literal control characters in a send line are errors too, once each', async t => {
  t.same(
    load('steps:\n  - send: "AT\\r\\nAT+CRESET"\n').diagnostics.map(d => d.code),
    ['multiline-command'],
  )
  t.same(
    load('steps:\n  - send: "AT+X=\\x1A"\n').diagnostics.map(d => d.code),
    ['control-character-in-value'],
  )
})

t.test('a helper that encodes the value makes it safe, and data with end none carries any bytes', async t => {
  const yaml = [
    'vars:',
    '  cert: "line1\\r\\nline2\\x1A"',
    'steps:',
    '  - send: AT+X={{len cert}},{{hex cert}}',
    '  - data: "{{cert}}"',
  ].join('\n')
  t.same(load(`${yaml}\n`).diagnostics, [])
})

t.test('Ctrl-Z or ESC in data that ends with ctrl-z or esc would end it early', async t => {
  const yaml = 'vars:\n  v: "a\\x1Ab"\nsteps:\n  - data: "{{v}}"\n    end: ctrl-z\n'
  t.same(
    load(yaml).diagnostics.map(d => d.code),
    ['control-character-in-value'],
  )
})

t.test('names not known yet (captures) do not hide a breaking value elsewhere in the line', async t => {
  const { sequence } = load('steps:\n  - send: AT+X={{captured}},{{apn}}\n')
  t.ok(sequence)
  const found = checkCommandValues(sequence!.steps, { apn: 'a\nAT+CRESET' })
  t.same(
    found.map(d => [d.code, d.at.col]),
    [['control-character-in-value', 31]],
  )
  t.same(checkCommandValues(sequence!.steps, { apn: 'internet' }), [])
})
