// A step's templates get only the env variables they name (the render copies what it is given); these pin down that
// the names a template reads, and only those, are there when it renders.
import t from 'tap'
import { renderText, StepProblem } from '../../src/run/render-step.js'
import type { RunContext } from '../../src/run/run-context.js'

const at = { file: 'env.yaml', line: 3, col: 11 }
const ctx = { vars: { apn: 'internet' } } as unknown as RunContext

t.test('env variables a template names render with their value at the time of the step', async t => {
  process.env.ATSEQ_RENDER_HOST = 'broker.test'
  t.teardown(() => delete process.env.ATSEQ_RENDER_HOST)
  const template = { text: 'AT+X="{{env.ATSEQ_RENDER_HOST}}","{{apn}}"', at }
  t.equal(renderText(template, ctx), 'AT+X="broker.test","internet"')
  process.env.ATSEQ_RENDER_HOST = 'other.test'
  t.equal(renderText(template, ctx), 'AT+X="other.test","internet"', 'read again at each render')
})

t.test('an env variable that is not set is a step problem naming the template, not an empty string', async t => {
  delete process.env.ATSEQ_RENDER_UNSET
  t.throws(() => renderText({ text: 'AT+X="{{env.ATSEQ_RENDER_UNSET}}"', at }, ctx), StepProblem)
})

t.test('a var named like an env variable does not stand in for it', async t => {
  delete process.env.ATSEQ_RENDER_ONLY_VAR
  const withVar = { vars: { ATSEQ_RENDER_ONLY_VAR: 'v' } } as unknown as RunContext
  t.throws(() => renderText({ text: '{{env.ATSEQ_RENDER_ONLY_VAR}}', at }, withVar), StepProblem)
  t.equal(renderText({ text: '{{ATSEQ_RENDER_ONLY_VAR}}', at }, withVar), 'v')
})
