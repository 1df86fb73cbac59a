/**
 * The certification sequence that publishes `a\r\nOK\r\nb` to the module itself and matches the +QMTRECV read by
 * its length, on both Quectel profiles: against the embedded broker and against a real Mosquitto.
 */
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { runFiles, type RunFilesOptions } from '../../../../src/app/run-files.js'
import type { RunRecord } from '../../../../src/model/run-record.js'
import { startMosquitto } from '../../../helpers/mosquitto.js'
import { filesRunOptions } from '../../../helpers/run-options.js'
import { requireTool } from '../../../helpers/system-tool.js'

const SEQUENCE = 'sequences/quectel/mqtt/receive-crlf-ok-payload.yaml'
const PROFILES = ['quectel-bg96', 'quectel-eg25']

async function runSequence(t: Test, extra: Partial<RunFilesOptions>): Promise<{ exitCode: number; record?: RunRecord }> {
  const dir = t.testdir({})
  const options = filesRunOptions(join(dir, 'reports'), text => t.comment(text), { commandLine: ['atseq', 'run', SEQUENCE], ...extra })
  const result = await runFiles([SEQUENCE], options)
  const record = result.runs[0]?.record
  return { exitCode: result.exitCode, ...(record ? { record } : {}) }
}

/** The steps that did not pass, for the assertion message. */
function describeProblem(record: RunRecord | undefined): string {
  const steps = record?.steps.filter(s => s.status !== 'passed' && s.status !== 'skipped') ?? []
  return steps.map(s => `${s.no} ${s.reason}`).join('\n')
}

for (const profile of PROFILES) {
  t.test(`${profile}: the payload holding CR LF and OK comes back whole (embedded broker)`, async t => {
    const { exitCode, record } = await runSequence(t, { devices: [`q=sim://${profile}`] })
    t.equal(exitCode, 0, describeProblem(record))
    t.equal(record?.status, 'passed')
    t.equal(record?.device.url, `sim://${profile}`, 'on this profile')
  })

  t.test(`${profile}: the payload holding CR LF and OK comes back whole (Mosquitto)`, async t => {
    if (!requireTool(t, 'mosquitto')) return
    const mosquitto = await startMosquitto()
    t.teardown(() => mosquitto.stop())
    const { exitCode, record } = await runSequence(t, {
      devices: [`q=sim://${profile}`],
      resolve: [`*:1883=127.0.0.1:${mosquitto.port}`],
      brokerUrl: `mqtt://127.0.0.1:${mosquitto.port}`,
    })
    t.equal(exitCode, 0, `${describeProblem(record)}\n${mosquitto.log().slice(-1000)}`)
    t.equal(record?.status, 'passed')
    t.match(mosquitto.log(), /New client connected/, 'the module connected to Mosquitto')
  })
}
