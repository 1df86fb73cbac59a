/**
 * A step's expectations as the report lists them (lines, final result code, URCs, must-not lines, the broker
 * check), and a regex that a value makes invalid, which is the step's fault.
 */
import t from 'tap'
import { Masker } from '../../src/record/masker.js'
import { describeExpectations, renderExpectations } from '../../src/run/render-step.js'
import type { RunContext } from '../../src/run/run-context.js'
import type { Step } from '../../src/model/sequence.js'
import { loadSequenceText } from '../../src/sequence/index.js'

/** The steps of `yaml` (the first written at line 3 of expect.yaml). */
function stepsOf(yaml: string): Step[] {
  const loaded = loadSequenceText('expect.yaml', Buffer.from(`sequence: expect\nsteps:\n${yaml}`))
  if (loaded.sequence === undefined) throw new Error(JSON.stringify(loaded.diagnostics))
  return loaded.sequence.steps
}

function contextWith(vars: Record<string, string>): RunContext {
  return { vars, masker: new Masker({ secrets: [] }) } as unknown as RunContext
}

t.test('a step lists its lines, its final result code, its URCs and its must-not lines, each marked as such', async t => {
  const [step] = stepsOf(`  - send: AT+X\n    expect: [+B, '/^\\+C: {{n}}$/', { not: ERR }]\n    urc: "+A: 1"\n`)
  if (step === undefined) throw new Error('no step')
  const expectations = renderExpectations(step, contextWith({ n: '7' }))
  t.same(describeExpectations(expectations, true), ['+B', '/^\\+C: 7$/', 'OK', 'urc: +A: 1', 'not: ERR'])
  t.same(describeExpectations(expectations, false), ['+B', '/^\\+C: 7$/', 'urc: +A: 1', 'not: ERR'], 'without the final')
})

t.test('a broker check lists only the properties it holds the message to', async t => {
  const steps = stepsOf(`  - broker: { received: { topic: news } }
  - broker: { received: { topic: news, retain: false } }
  - broker: { received: { topic: news, payload: "{{p}}", qos: 1, retain: true } }
`)
  const described = steps.map(step => describeExpectations(renderExpectations(step, contextWith({ p: 'flash' })), false))
  t.same(described, [
    ['broker: topic news'],
    ['broker: topic news, retain false'],
    ['broker: topic news, payload "flash", qos 1, retain true'],
  ])
})

t.test('a value that makes an expected regex invalid is a step problem at the regex', async t => {
  const [step] = stepsOf('  - send: AT\n    expect: "/x{{p}}/"\n')
  if (step === undefined) throw new Error('no step')
  let problem = 'none'
  try {
    renderExpectations(step, contextWith({ p: '(' }))
  } catch (error) {
    problem = `${(error as Error).name}: ${(error as Error).message}`
  }
  t.equal(problem, 'StepProblem: expect.yaml:4:15: invalid regular expression /x(/: Invalid regular expression: /x(/: Unterminated group')
})
