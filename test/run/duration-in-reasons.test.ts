/** Failure reasons name their windows in the one display form (`1.0 s`), never as raw fractional milliseconds. */
import t from 'tap'
import { runYamlOnSim, stepNo } from '../helpers/run-on-sim.js'

t.test('a URC that never comes and a wait that times out say how long was waited, as a person reads it', async t => {
  const run = await runYamlOnSim(
    t,
    `sequence: reasons
device: simcom-a76xx
steps:
  - no: "1"
    send: AT
    expect: OK
    urc: "+NEVER: 1"
    within: 1s
    continue_on_failure: true
  - no: "2"
    wait: "+NEVER: 2"
    timeout: 1200ms
`,
    { identify: false },
  )
  const reasons = run.record.steps.map(step => step.reason ?? '')
  t.match(stepNo(run.record, '1').reason, /within 1\.0 s/)
  t.match(stepNo(run.record, '2').reason, /within 1\.2 s/)
  for (const reason of reasons) t.notMatch(reason, /\d+\.\d{2,} ?ms|\d ms\b.*\d{4,}/, reason)
})
