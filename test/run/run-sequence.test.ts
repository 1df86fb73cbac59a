/** The run's verdict and exit code over its steps: todo rows, skips and errors never read as a pass. */
import t from 'tap'
import { runYamlOnSim, stepNo } from '../helpers/run-on-sim.js'
import { EXIT } from '../../src/model/exit-code.js'

const header = 'sequence: verdicts\ndevice: simcom-a76xx\n'

t.test('a todo step is reported as todo, the rest still runs, and the run is not passed', async t => {
  const { record } = await runYamlOnSim(
    t,
    `${header}
steps:
  - no: "1"
    send: AT
  - no: "2"
    todo: "2 | PDP Context | |"
  - no: "3"
    send: AT
`,
    { identify: false },
  )
  t.equal(stepNo(record, '2').failure?.kind, 'todo')
  t.equal(stepNo(record, '3').status, 'passed', 'the step after the todo ran')
  t.equal(record.status, 'errored')
  t.equal(record.exitCode, EXIT.failed)
  t.match(record.endReason, /todo/)
})

t.test('a draft whose every step is a todo ran nothing and exits 2', async t => {
  const { record } = await runYamlOnSim(t, `${header}\nsteps:\n  - todo: "1 | a | |"\n  - todo: "2 | b | |"\n`, { identify: false })
  t.equal(record.status, 'errored')
  t.equal(record.exitCode, EXIT.invalidInput)
  t.same(
    record.steps.map(step => step.failure?.kind),
    ['todo', 'todo'],
  )
})

t.test('a failed step never lets the run exit 0, even with continue_on_failure', async t => {
  const { record } = await runYamlOnSim(
    t,
    `${header}
steps:
  - no: "1"
    wait: "+NEVER"
    timeout: 50ms
    continue_on_failure: true
  - no: "2"
    send: AT
`,
    { identify: false },
  )
  t.equal(stepNo(record, '1').status, 'failed')
  t.equal(stepNo(record, '1').failure?.kind, 'urc-timeout')
  t.equal(record.status, 'failed')
  t.equal(stepNo(record, '2').status, 'passed')
  t.equal(record.exitCode, EXIT.failed)
})

t.test('a device that cannot be opened errors the run with every step skipped, never passed', async t => {
  const { record } = await runYamlOnSim(t, `${header}\nsteps:\n  - send: AT\n  - send: AT\n`, {
    device: 'tcp://127.0.0.1:1',
    identify: false,
  })
  t.equal(record.status, 'errored')
  t.equal(record.exitCode, EXIT.infrastructure)
  t.same(record.counts, { passed: 0, failed: 0, errored: 0, skipped: 2 })
})
