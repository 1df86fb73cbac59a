/** With the broker gone before a `publish:` step, the step errors with the cause, teardown runs, reports are written, exit 3. */
import t from 'tap'
import { existsSync } from 'node:fs'
import { startBroker } from '../../src/servers/broker/index.js'
import { EXIT } from '../../src/model/exit-code.js'
import { runYamlOnSim, stepNo } from '../helpers/run-on-sim.js'

t.test('a publish step after the broker went away errors and the run exits 3', async t => {
  const broker = await startBroker({})
  t.teardown(() => broker.close())
  const { record, reportPaths } = await runYamlOnSim(
    t,
    `sequence: broker gone
device: simcom-a76xx
steps:
  - no: "1"
    send: AT
  - no: "1a"
    sleep: 300ms
  - no: "2"
    publish: { topic: "t/1", payload: "x" }
  - no: "3"
    send: AT
teardown:
  - send: AT
`,
    {
      identify: false,
      brokerUrl: `mqtt://127.0.0.1:${broker.tcpPort}`,
      onStepEnd: step => {
        if (step.no === '1') void broker.close()
      },
    },
  )
  const publish = stepNo(record, '2')
  t.equal(publish.status, 'errored')
  t.match(publish.reason, /broker/)
  t.equal(stepNo(record, '3').status, 'skipped')
  t.equal(stepNo(record, 't1', 'teardown').status, 'passed', 'teardown ran')
  t.equal(record.exitCode, EXIT.infrastructure)
  for (const ending of ['.html', '.junit.xml', '.json', '.transcript.txt'])
    t.ok(existsSync(reportPaths.find(p => p.endsWith(ending)) ?? ''), `wrote ${ending}`)
})
