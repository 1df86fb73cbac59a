/** A templated value cannot inject a command: the run stops with exit 2 before the line is written. */
import t from 'tap'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runFiles } from '../../src/app/run-files.js'
import { EXIT } from '../../src/model/exit-code.js'
import { runYamlOnSim, stepNo } from '../helpers/run-on-sim.js'
import { filesRunOptions } from '../helpers/run-options.js'

const sequence = 'sequence: apn\ndevice: simcom-a76xx\nsteps:\n  - send: AT\n  - send: AT+CGDCONT=1,"IP","{{apn}}"\n'

t.test('a --var with CR LF in a send line exits 2 and nothing runs', async t => {
  const dir = t.testdir({ 'apn.yaml': sequence })
  let errors = ''
  const result = await runFiles(
    [join(dir, 'apn.yaml')],
    filesRunOptions(join(dir, 'reports'), text => (errors += text), { vars: { apn: 'internet"\r\nAT+CRESET\r\n' }, identify: false }),
  )
  t.equal(result.exitCode, EXIT.invalidInput)
  t.same(result.runs, [], 'no sequence ran')
  t.match(errors, /apn\.yaml:5:\d+: error: .*\[control-character-in-value\]/)
})

t.test('an env value with a CR errors the step before it is written, and the run exits 2', async t => {
  process.env['ATSEQ_TEST_HOSTILE'] = 'x\rAT+CRESET'
  t.teardown(() => delete process.env['ATSEQ_TEST_HOSTILE'])
  const { record, reportPaths } = await runYamlOnSim(
    t,
    'sequence: env\ndevice: simcom-a76xx\nsteps:\n  - no: "1"\n    send: AT+CGDCONT=1,"IP","{{env.ATSEQ_TEST_HOSTILE}}"\n',
    { identify: false },
  )
  t.equal(stepNo(record, '1').status, 'errored')
  t.equal(stepNo(record, '1').failure?.kind, 'invalid-step')
  t.equal(record.exitCode, EXIT.invalidInput)
  const transcript = readFileSync(
    reportPaths.find(p => p.endsWith('.transcript.txt'))!,
    'utf8',
  )
  t.notMatch(transcript, /CGDCONT|CRESET/, 'the line was never written')
})

t.test('hex data that renders to something other than whole bytes errors instead of sending fewer bytes', async t => {
  const { record } = await runYamlOnSim(
    t,
    'sequence: hex\ndevice: simcom-a76xx\nsteps:\n  - no: "1"\n    data: "1A {{v}}"\n    hex: true\n',
    { identify: false, vars: { v: '0G' } },
  )
  t.equal(stepNo(record, '1').failure?.kind, 'invalid-step')
  t.equal(record.exitCode, EXIT.invalidInput)
})
