/**
 * What a `send` or `data` step would write is checked once rendered, before anything is written: a value (a capture,
 * an `env.` variable) that breaks out of the command line or ends prompt data early, and hex data that is not whole
 * bytes, are step problems that say which value and where.
 */
import t from 'tap'
import { checkRenderedAction } from '../../src/run/render-step.js'
import type { RunContext } from '../../src/run/run-context.js'
import type { Step } from '../../src/model/sequence.js'
import { loadSequenceText } from '../../src/sequence/index.js'

const HINT =
  'remove the control character from the value; send several commands as several steps, and bytes at a prompt as a data: step [control-character-in-value]'
const COMMAND_LINE = 'the command line, which would end it and send the rest as another command'
const PROMPT_DATA = 'the prompt data, which would end it before the bytes declared'

/** The one step of `yaml` (written at line 3 of checks.yaml). */
function stepOf(yaml: string): Step {
  const loaded = loadSequenceText('checks.yaml', Buffer.from(`sequence: checks\nsteps:\n${yaml}`))
  const step = loaded.sequence?.steps[0]
  if (step === undefined) throw new Error(JSON.stringify(loaded.diagnostics))
  return step
}

/** The step problem's message when `vars` are the run's values then, or 'none'. */
function problemOf(step: Step, vars: Record<string, string>): string {
  try {
    checkRenderedAction(step, { vars } as unknown as RunContext)
    return 'none'
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`
  }
}

t.test('a captured value with a CR in a send line is a step problem naming that value where the line reads it', async t => {
  const step = stepOf('  - send: AT+X="{{ok}}","{{cap}}"\n')
  t.equal(
    problemOf(step, { ok: 'a', cap: 'b\r' }),
    `StepProblem: checks.yaml:3:28: error: the value of 'cap' puts a CR into ${COMMAND_LINE} — ${HINT}`,
  )
  t.equal(problemOf(step, { ok: 'a', cap: 'b' }), 'none', 'clean values pass')
})

t.test('an env variable with an LF in a send line is named as env.NAME', async t => {
  process.env.ATSEQ_CHECK_LF = 'x\ny'
  t.teardown(() => delete process.env.ATSEQ_CHECK_LF)
  const step = stepOf('  - send: AT+Y={{env.ATSEQ_CHECK_LF}}\n')
  t.equal(
    problemOf(step, {}),
    `StepProblem: checks.yaml:3:18: error: the value of 'env.ATSEQ_CHECK_LF' puts a LF into ${COMMAND_LINE} — ${HINT}`,
  )
})

t.test('a value with Ctrl-Z in prompt data ended by Ctrl-Z is a step problem naming the value', async t => {
  const step = stepOf('  - data: "{{body}}"\n    end: ctrl-z\n')
  t.equal(
    problemOf(step, { body: 'x\x1a' }),
    `StepProblem: checks.yaml:3:14: error: the value of 'body' puts a Ctrl-Z into ${PROMPT_DATA} — ${HINT}`,
  )
})

t.test('a value that ends prompt data is named even when a CR or LF, which prompt data may hold, comes first', async t => {
  const step = stepOf('  - data: "{{body}}"\n    end: ctrl-z\n')
  t.equal(
    problemOf(step, { body: 'x\r\n\x1a' }),
    `StepProblem: checks.yaml:3:14: error: the value of 'body' puts a Ctrl-Z into ${PROMPT_DATA} — ${HINT}`,
  )
})

t.test('prompt data with no end byte may hold Ctrl-Z and ESC: the modem reads it by length', async t => {
  const step = stepOf('  - data: "{{body}}"\n')
  t.equal(problemOf(step, { body: 'x\x1ay\x1b' }), 'none')
})

t.test('hex data must render to whole hex bytes, spaced or not', async t => {
  const step = stepOf('  - data: "{{bytes}}"\n    hex: true\n')
  for (const good of ['0D0A', '0d 0a ', ' 1a']) t.equal(problemOf(step, { bytes: good }), 'none', `'${good}' is whole bytes`)
  for (const bad of ['0D0', 'zz', '0Dzz'])
    t.equal(
      problemOf(step, { bytes: bad }),
      `StepProblem: checks.yaml:3:12: hex data renders to '${bad}', not pairs of hex digits [bad-hex]`,
      `'${bad}' is not`,
    )
})
