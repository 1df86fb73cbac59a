import t from 'tap'
import { checkInputValues, checkTemplateNames } from '../../src/sequence/check-names.js'
import { loadSequenceText } from '../../src/sequence/load-sequence.js'
import type { Sequence } from '../../src/model/sequence.js'

function load(yaml: string): Sequence {
  const loaded = loadSequenceText('n.yaml', Buffer.from(yaml))
  if (loaded.sequence === undefined) throw new Error(JSON.stringify(loaded.diagnostics))
  return loaded.sequence
}

const codesOf = (sequence: Sequence, provided: string[] = []) =>
  checkTemplateNames(sequence, provided).map(d => [d.code, d.at.line, d.at.col])

t.test('a name nothing gives is an error at its {{, with the close names in the hint', async t => {
  const sequence = load('sequence: n\ninputs: [apn]\nsteps:\n  - send: AT+CGDCONT=1,"IP","{{apnn}}"\n    expect: OK\n')
  const [problem, ...rest] = checkTemplateNames(sequence, [])
  t.same(rest, [])
  t.match(problem, { code: 'undefined-variable', severity: 'error', at: { file: 'n.yaml', line: 4, col: 30 } })
  t.match(problem!.hint, /'apn'/)
  t.match(problem!.hint, /inputs:/)
  t.notMatch(checkTemplateNames(load('sequence: n\nsteps:\n  - send: AT{{zzzz}}\n'), [])[0]!.hint, /did you mean/)
})

t.test('vars, inputs (both shapes), names the run gives, env and earlier captures give a name its value', async t => {
  const sequence = load(`sequence: n
vars: { topic: a/b }
inputs: [apn, { name: pin, description: "SIM PIN" }]
steps:
  - send: AT+CPIN={{pin}}
    expect: "/^\\\\+CSQ: (?<rssi>\\\\d+)/"
  - send: AT+X={{topic}},{{len apn}},{{env.HOME}},{{rssi}},{{broker_ca}}
teardown:
  - send: AT+Y={{rssi}}
`)
  t.same(codesOf(sequence, ['broker_ca']), [])
  t.same(codesOf(sequence), [['undefined-variable', 7, 60]], 'a name given by the run counts only when the run gives it')
  t.same(
    sequence.inputs?.map(i => [i.name, i.description, i.at.line]),
    [
      ['apn', undefined, 3],
      ['pin', 'SIM PIN', 3],
    ],
  )
})

t.test('a capture used before the step that captures it, or in abort:, is an error', async t => {
  const sequence = load(`sequence: n
abort: "+X: {{rssi}}"
steps:
  - send: AT+A={{rssi}}
    expect: OK
  - send: AT+CSQ
    expect: "/^\\\\+CSQ: (?<rssi>\\\\d+)/"
`)
  t.same(codesOf(sequence), [
    ['used-before-capture', 2, 13],
    ['used-before-capture', 4, 16],
  ])
  t.match(checkTemplateNames(sequence, [])[0]!.message, /step 2/)
})

t.test('the names of server steps and broker checks are checked too', async t => {
  const sequence = load(`sequence: n
steps:
  - send: AT
    server: { tcp: { received: "{{sent}}" } }
  - publish: { topic: "{{topic}}", payload: x }
`)
  t.same(
    checkTemplateNames(sequence, []).map(d => d.code),
    ['undefined-variable', 'undefined-variable'],
  )
})

t.test('an input with no value is a missing-input error where it is declared, naming it', async t => {
  const sequence = load('sequence: n\ninputs:\n  - apn\n  - { name: pin, description: "SIM PIN" }\nsteps:\n  - send: AT\n')
  const missing = checkInputValues(sequence, name => name === 'apn')
  t.match(missing, [{ code: 'missing-input', severity: 'error', at: { line: 4, col: 5 } }])
  t.equal(missing.length, 1)
  t.match(missing[0]!.message, /'pin' \(SIM PIN\)/)
  t.same(
    checkInputValues(sequence, () => true),
    [],
  )
})

t.test('inputs: must be names or { name, description }', async t => {
  const loaded = loadSequenceText('n.yaml', Buffer.from('sequence: n\ninputs: [9pin, { name: apn, descr: x }]\nsteps:\n  - send: AT\n'))
  t.same(
    loaded.diagnostics.map(d => [d.code, d.at.line, d.at.col]),
    [
      ['bad-var-name', 2, 10],
      ['unknown-key', 2, 29],
    ],
  )
})
