/**
 * The Quectel MQTT(S) certification suite on both Quectel profiles, in-process: against the embedded broker, and
 * against a real Mosquitto (plain TCP and TLS listeners; broker-config sequences excluded, as a lab would).
 */
import { join } from 'node:path'
import t, { type Test } from 'tap'
import type { SuiteRecord } from '../../src/model/suite-record.js'
import { createTestCertificates } from '../../src/servers/broker/test-certificates.js'
import { runFiles, type RunFilesOptions, type RunFilesResult } from '../../src/app/run-files.js'
import { startMosquitto } from '../helpers/mosquitto.js'
import { requireTool } from '../helpers/system-tool.js'
import { filesRunOptions } from '../helpers/run-options.js'

const SUITE = 'sequences/quectel/mqtt/'
const PROFILES = ['quectel-bg96', 'quectel-eg25']

function runSuite(t: Test, extra: Partial<RunFilesOptions>): Promise<RunFilesResult> {
  const dir = t.testdir({})
  return runFiles(
    [SUITE],
    filesRunOptions(join(dir, 'reports'), text => t.comment(text), { commandLine: ['atseq', 'run', SUITE], ...extra }),
  )
}

/** Each run that did not pass, with its first failing step, for the assertion message. */
function describeProblems(suite: SuiteRecord): string {
  return suite.runs
    .filter(run => run.status !== 'passed')
    .map(run => {
      const step = run.record?.steps.find(s => s.status !== 'passed' && s.status !== 'skipped')
      return `${run.device} ${run.sequence.file}: ${step ? `${step.no} ${step.reason}` : (run.reason ?? run.status)}`
    })
    .join('\n')
}

function ranFiles(suite: SuiteRecord): Set<string> {
  return new Set(suite.runs.filter(run => run.role === 'sequence').map(run => run.sequence.file.replace(/^.*\//, '')))
}

for (const profile of PROFILES) {
  t.test(`the suite passes on ${profile} against the embedded broker`, async t => {
    const result = await runSuite(t, { devices: [`q=sim://${profile}`] })
    const suite = result.suite!
    t.equal(result.exitCode, 0, describeProblems(suite))
    t.equal(suite.status, 'passed')
    t.ok(suite.plannedSequences >= 18, `every certification sequence is planned (${suite.plannedSequences})`)
    t.equal(suite.devices[0]?.identity.revision, profile === 'quectel-bg96' ? 'BG96MAR02A07M1G' : 'EG25GGBR07A08M2G')
    t.equal(suite.devices[0]?.identity.manufacturer, 'Quectel', 'the bare ATI lines name the manufacturer')
    t.equal(suite.devices[0]?.identity.model, profile === 'quectel-bg96' ? 'BG96' : 'EG25', 'and the model')
    for (const file of ['mutual-tls.yaml', 'user-password.yaml', 'tls-wrong-ca.yaml', 'will-on-network-loss.yaml']) {
      t.ok(ranFiles(suite).has(file), `${file} ran`)
    }
  })

  t.test(`the suite passes on ${profile} against Mosquitto over TCP and TLS`, async t => {
    if (!requireTool(t, 'mosquitto')) return
    const mosquitto = await startMosquitto({ tls: true })
    t.teardown(() => mosquitto.stop())
    const otherAuthority = await createTestCertificates({ hostnames: ['localhost'] })
    const result = await runSuite(t, {
      devices: [`q=sim://${profile}`],
      vars: { broker_ca: mosquitto.ca!, wrong_ca: otherAuthority.ca },
      resolve: [`*:1883=127.0.0.1:${mosquitto.port}`, `*:8883=127.0.0.1:${mosquitto.tlsPort}`],
      brokerUrl: `mqtt://127.0.0.1:${mosquitto.port}`,
      excludeTags: ['broker-config'],
    })
    const suite = result.suite!
    t.equal(result.exitCode, 0, `${describeProblems(suite)}\n${mosquitto.log().slice(-2000)}`)
    const files = ranFiles(suite)
    for (const file of ['tcp-publish-subscribe.yaml', 'tls-verify-server.yaml', 'tls-wrong-ca.yaml', 'will-on-connection-loss.yaml']) {
      t.ok(files.has(file), `${file} ran against Mosquitto`)
    }
    t.notOk(files.has('mutual-tls.yaml') || files.has('user-password.yaml'), 'broker-config sequences are excluded')
    t.match(mosquitto.log(), /New client connected/, 'the modems connected to Mosquitto')
  })
}
