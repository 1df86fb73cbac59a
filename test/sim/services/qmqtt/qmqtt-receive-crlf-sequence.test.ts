/**
 * The certification sequence that publishes `a\r\nOK\r\nb` to the module itself and matches the +QMTRECV read by
 * its length, on both Quectel profiles: against the embedded broker and against a real Mosquitto.
 */
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { runFiles, type RunFilesOptions } from '../../../../src/app/run-files.js'
import type { SuiteRecord } from '../../../../src/model/suite-record.js'
import { startMosquitto } from '../../../helpers/mosquitto.js'
import { filesRunOptions } from '../../../helpers/run-options.js'
import { requireTool } from '../../../helpers/system-tool.js'

const SEQUENCE = 'sequences/quectel/mqtt/receive-crlf-ok-payload.yaml'
const PROFILES = ['quectel-bg96', 'quectel-eg25']

async function runSequence(t: Test, extra: Partial<RunFilesOptions>): Promise<{ exitCode: number; suite: SuiteRecord }> {
  const dir = t.testdir({})
  const options = filesRunOptions(join(dir, 'reports'), text => t.comment(text), { commandLine: ['atseq', 'run', SEQUENCE], ...extra })
  const result = await runFiles([SEQUENCE], options)
  return { exitCode: result.exitCode, suite: result.suite! }
}

/** The first step that did not pass, for the assertion message. */
function describeProblem(suite: SuiteRecord | undefined): string {
  const run = suite?.runs.find(r => r.status !== 'passed')
  const step = run?.record?.steps.find(s => s.status !== 'passed' && s.status !== 'skipped')
  return run === undefined ? '' : `${run.device}: ${step ? `${step.no} ${step.reason}` : (run.reason ?? run.status)}`
}

for (const profile of PROFILES) {
  t.test(`${profile}: the payload holding CR LF and OK comes back whole (embedded broker)`, async t => {
    const { exitCode, suite } = await runSequence(t, { devices: [`q=sim://${profile}`] })
    t.equal(exitCode, 0, describeProblem(suite))
  })

  t.test(`${profile}: the payload holding CR LF and OK comes back whole (Mosquitto)`, async t => {
    if (!requireTool(t, 'mosquitto')) return
    const mosquitto = await startMosquitto()
    t.teardown(() => mosquitto.stop())
    const { exitCode, suite } = await runSequence(t, {
      devices: [`q=sim://${profile}`],
      resolve: [`*:1883=127.0.0.1:${mosquitto.port}`],
      brokerUrl: `mqtt://127.0.0.1:${mosquitto.port}`,
    })
    t.equal(exitCode, 0, `${describeProblem(suite)}\n${mosquitto.log().slice(-1000)}`)
    t.match(mosquitto.log(), /New client connected/, 'the module connected to Mosquitto')
  })
}
