/** Input errors exit 2 with one sentence; a crash still writes the reports, marked crashed, and exits 70. */
import t, { type Test } from 'tap'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { EXIT } from '../../src/model/exit-code.js'
import type { RunRecord } from '../../src/model/run-record.js'
import { runYamlOnSim } from '../helpers/run-on-sim.js'

// Runs the built CLI (run `npm run build` first).
const root = fileURLToPath(new URL('../../', import.meta.url))
const atseq = (...args: string[]) =>
  spawnSync(process.execPath, ['dist/cli/main.js', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 })
const ok = 'sequence: ok\nsteps:\n  - send: AT\n'

function aliasBomb(): string {
  const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
  for (const [name, prev] of [
    ['b', 'a'],
    ['c', 'b'],
    ['d', 'c'],
    ['e', 'd'],
    ['f', 'e'],
    ['g', 'f'],
  ])
    levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`)
  return `sequence: bomb\n${levels.join('\n')}\nsteps:\n  - send: AT\n`
}

/** One sentence on stderr, no stack trace. */
function checkOneSentence(t: Test, stderr: string): void {
  t.equal(stderr.trim().split('\n').length, 1, stderr)
  t.notMatch(stderr, /\n\s+at /)
}

t.test('a YAML alias bomb is an input error for validate and run', async t => {
  const dir = t.testdir({ 'bomb.yaml': aliasBomb() })
  const validate = atseq('validate', join(dir, 'bomb.yaml'))
  t.equal(validate.status, EXIT.invalidInput)
  t.match(validate.stderr, /\[yaml-too-many-aliases\]/)
  checkOneSentence(t, validate.stderr)
  const run = atseq('run', '--report-dir', join(dir, 'reports'), join(dir, 'bomb.yaml'))
  t.equal(run.status, EXIT.invalidInput)
  checkOneSentence(t, run.stderr)
})

t.test('an unknown sim:// profile is an input error', async t => {
  const dir = t.testdir({ 'ok.yaml': ok })
  const run = atseq('run', '-d', 'sim://no-such-modem', '--report-dir', join(dir, 'reports'), join(dir, 'ok.yaml'))
  t.equal(run.status, EXIT.invalidInput)
  t.notMatch(run.stderr, /\n\s+at /)
})

t.test('a report folder that is a file is an input error, before anything runs', async t => {
  const dir = t.testdir({ 'ok.yaml': ok, afile: 'x' })
  const run = atseq('run', '--report-dir', join(dir, 'afile'), join(dir, 'ok.yaml'))
  t.equal(run.status, EXIT.invalidInput)
  checkOneSentence(t, run.stderr)
  t.match(run.stderr, /--report-dir/)
})

t.test('an unexpected exception still writes every report, marked crashed, with exit 70', async t => {
  const { record, reportPaths } = await runYamlOnSim(t, `sequence: crash\ndevice: simcom-a76xx\n${ok.slice(ok.indexOf('steps'))}`, {
    identify: false,
    onSimModem: () => {
      throw new Error('boom')
    },
  })
  t.equal(record.exitCode, EXIT.internal)
  t.equal(record.status, 'errored')
  t.match(record.endReason, /^crashed: boom/)
  for (const ending of ['.html', '.junit.xml', '.json', '.transcript.txt'])
    t.ok(existsSync(reportPaths.find(p => p.endsWith(ending)) ?? ''), `wrote ${ending}`)
  const json = JSON.parse(
    readFileSync(
      reportPaths.find(p => p.endsWith('.json'))!,
      'utf8',
    ),
  ) as RunRecord
  t.equal(json.exitCode, EXIT.internal)
  t.match(
    readFileSync(
      reportPaths.find(p => p.endsWith('.junit.xml'))!,
      'utf8',
    ),
    /<error message="crashed: boom"/,
  )
})

t.test('a crash in the middle of a run skips the rest, still runs teardown, and exits 70', async t => {
  const { record } = await runYamlOnSim(
    t,
    `sequence: crash mid-run
device: simcom-a76xx
steps:
  - no: "1"
    send: AT
  - no: "2"
    send: AT
teardown:
  - no: t1
    send: AT+CGMI
`,
    {
      identify: false,
      onStepEnd: step => {
        if (step.no === '1') throw new Error('boom in step 1')
      },
    },
  )
  t.equal(record.exitCode, EXIT.internal)
  t.match(record.endReason, /^crashed: boom in step 1/)
  t.equal(record.steps.find(step => step.no === '2')?.status, 'skipped')
  t.equal(record.steps.find(step => step.no === 't1')?.status, 'passed', 'teardown ran')
})
