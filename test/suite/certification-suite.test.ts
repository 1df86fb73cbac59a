/**
 * The SIMCom MQTT(S) certification suite on simulated modems, in-process: one device, four in
 * parallel, one with a fault, and three shards merged back into the unsharded result.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { mergeSuiteRecords } from '../../src/plan/merge-suite-records.js'
import type { SuiteRecord } from '../../src/model/suite-record.js'
import { runFiles, type RunFilesOptions, type RunFilesResult } from '../../src/app/run-files.js'
import type { SimModem } from '../../src/sim/sim-modem.js'
import { filesRunOptions } from '../helpers/run-options.js'

const SUITE = 'sequences/simcom/mqtt/'

function runSuite(t: Test, extra: Partial<RunFilesOptions> = {}): Promise<RunFilesResult & { dir: string }> {
  const dir = t.testdir({})
  return runFiles(
    [SUITE],
    filesRunOptions(join(dir, 'reports'), text => t.comment(text), {
      formats: ['html', 'junit', 'json'],
      commandLine: ['atseq', 'run', SUITE],
      ...extra,
    }),
  ).then(result => ({ ...result, dir: join(dir, 'reports') }))
}

/** What must be equal between two runs of the same plan: who ran what, and how each step ended. */
function describeContent(record: SuiteRecord): unknown {
  return {
    suite: record.suite,
    status: record.status,
    exitCode: record.exitCode,
    devices: record.devices.map(d => ({ name: d.name, url: d.url, status: d.status, identity: d.identity })),
    runs: record.runs.map(run => ({
      device: run.device,
      role: run.role,
      order: run.order,
      file: run.sequence.file,
      status: run.status,
      steps: run.record?.steps.map(step => `${step.phase} ${step.no} ${step.status}`),
    })),
  }
}

t.test('the suite passes on one simulated modem and writes its index, JUnit and JSON', async t => {
  const result = await runSuite(t)
  const suite = result.suite!
  t.equal(result.exitCode, 0, JSON.stringify(suite.runs.filter(r => r.status !== 'passed').map(r => r.sequence.file)))
  t.equal(suite.status, 'passed')
  t.ok(suite.plannedSequences >= 18, 'every certification sequence is planned')
  t.equal(suite.runs.filter(run => run.role === 'setup').length, 1, 'the suite setup ran once')
  t.ok(
    suite.runs.some(run => run.sequence.file.endsWith('mqtts-not-verify-server.yaml')),
    'the seed is part of the suite',
  )
  const wrongLengths = suite.runs.find(run => run.sequence.file.endsWith('prompt-wrong-lengths.yaml'))
  t.match(wrongLengths?.record?.device.url, /[?&]promptTimeoutMs=1000\b/, 'the wrong-lengths entry runs with its 1 s prompt timeout')
  t.equal(wrongLengths?.status, 'passed')
  const junit = readFileSync(join(result.dir, 'suite.junit.xml'), 'utf8')
  t.equal((junit.match(/<testsuite /g) ?? []).length, suite.runs.length, 'one testsuite per sequence')
  const json = JSON.parse(readFileSync(join(result.dir, 'suite.json'), 'utf8')) as SuiteRecord
  t.equal(json.kind, 'atseq-suite')
  t.match(readFileSync(join(result.dir, 'index.html'), 'utf8'), /SIMCom MQTT\(S\) certification/)
})

t.test('four simulated devices run in parallel, each with its own section; one fault fails only its device', async t => {
  const devices = ['a=sim://simcom-a76xx', 'b=sim://simcom-a76xx', 'c=sim://simcom-a76xx', 'd=sim://simcom-a76xx']
  // Device c loses its network at power-up: the suite setup finds it unregistered (AT+CGREG? 0,2).
  const onSimModem = (modem: SimModem, device: { name: string }): void => {
    if (device.name === 'c') modem.dropNetwork()
  }
  const result = await runSuite(t, { devices, grep: /tcp-publish-subscribe|qos-publish|two-clients/, onSimModem })
  const suite = result.suite!
  t.same(
    suite.devices.map(d => d.name),
    ['a', 'b', 'c', 'd'],
  )
  t.same(
    suite.devices.map(d => d.status),
    ['passed', 'passed', 'failed', 'passed'],
  )
  t.equal(suite.status, 'failed')
  t.equal(result.exitCode, 1)
  for (const name of ['a', 'b', 'd']) {
    const runs = suite.runs.filter(run => run.device === name && run.role === 'sequence')
    t.equal(runs.length, 3, `device ${name} ran its three sequences`)
    t.ok(
      runs.every(run => run.status === 'passed' && run.reportFile?.startsWith(`${name}/`)),
      `device ${name} is intact, reports in its folder`,
    )
    t.ok(suite.devices.find(d => d.name === name)?.identity.model, `device ${name} has its identity`)
  }
  const failing = suite.runs.find(run => run.device === 'c' && run.status === 'failed')!
  const step = failing.record!.steps.find(s => s.status === 'failed')!
  t.equal(failing.role, 'setup', 'the suite setup failed on c')
  t.equal(step.no, '3')
  t.match(step.reason, /\+CGREG: 0,2/)
  t.ok(
    suite.runs
      .filter(run => run.device === 'c' && run.role === 'sequence')
      .every(run => run.status === 'skipped' && /setup failed/.test(run.reason ?? '')),
    'its sequences are skipped with the reason',
  )
  const index = readFileSync(join(result.dir, 'index.html'), 'utf8')
  const stepIndex = failing.record!.steps.indexOf(step)
  t.match(index, `href="${failing.reportFile}#step-${stepIndex}"`, 'the index links to the failing step')
  t.ok(index.indexOf('r-failed') < index.indexOf('r-passed'), 'failures come first')
  for (const name of ['a', 'b', 'c', 'd']) {
    const section = new RegExp(`<section class="device" id="device-${name}"[\\s\\S]*?</section>`).exec(index)?.[0] ?? ''
    const rows = section.match(/<tr class="run r-\w+" data-device="(\w+)"/g) ?? []
    t.equal(rows.length, 4, `device ${name} has a section with its setup and three sequences`)
    t.ok(
      rows.every(row => row.endsWith(`"${name}"`)),
      `device ${name}'s section holds only its runs`,
    )
    t.match(section, name === 'c' ? /v-failed/ : /v-passed/, `device ${name}'s section shows its verdict`)
  }
  const junit = readFileSync(join(result.dir, 'suite.junit.xml'), 'utf8')
  t.match(junit, /<testcase name="c"[^>]*>\n\s+<failure message="step 3 \(/, 'JUnit names the failing step')
})

t.test('a suite sharded in 3 and merged equals the unsharded run', async t => {
  const devices = ['x=sim://simcom-a76xx', 'y=sim://simcom-a76xx']
  const grep = /tcp-publish|qos-|retained|two-clients|wrong-state|tls-wrong/
  const whole = await runSuite(t, { devices, grep })
  const shards: SuiteRecord[] = []
  for (const index of [1, 2, 3]) {
    const part = await runSuite(t, { devices, grep, shard: { index, total: 3 } })
    t.equal(part.suite!.shards[0]?.index, index)
    shards.push(part.suite!)
  }
  const sequenceCount = (record: SuiteRecord): number => record.runs.filter(run => run.role === 'sequence').length
  t.same(
    shards.map(sequenceCount).reduce((a, b) => a + b, 0),
    sequenceCount(whole.suite!),
    'the shards split the sequences without overlap',
  )
  t.ok(
    shards.every(s => sequenceCount(s) > 0),
    'every shard has work',
  )
  const merged = mergeSuiteRecords([shards[2]!, shards[0]!, shards[1]!])
  if (!merged.ok) throw new Error(merged.message)
  t.same(describeContent(merged.record), describeContent(whole.suite!))
  t.same(
    merged.record.shards.map(s => s.index),
    [1, 2, 3],
  )
})
