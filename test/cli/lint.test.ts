import t from 'tap'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
const atseq = (...args: string[]) =>
  spawnSync(process.execPath, ['dist/cli/main.js', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 })

const WARNED = [
  'sequence: warned',
  'steps:',
  '  - { no: "8.1", send: "AT+CMQTTPAYLOAD=0,60", expect: ">" }',
  '  - { no: "8.2", data: "0123456789", expect: OK }',
  '  - { no: "3", send: "AT+CMQTTACCQ=0,\u201Cc\u201D" }',
].join('\n')

t.test('lint: warnings with locations, exit 0; --strict exits 1', async t => {
  const dir = t.testdir({ 'warned.yaml': WARNED })
  const run = atseq('lint', `${dir}/warned.yaml`)
  t.equal(run.status, 0, 'warnings alone do not fail')
  t.match(run.stderr, /warned\.yaml:4:\d+: warning: step 8\.2: .*\[prompt-length-mismatch\]/)
  t.match(run.stderr, /warned\.yaml:5:\d+: warning: .*\[non-ascii-command\]/)
  t.match(run.stderr, /\[no-expectation\]/)
  t.equal(atseq('lint', '--strict', `${dir}/warned.yaml`).status, 1)
})

t.test('lint --format json is machine-readable', async t => {
  const dir = t.testdir({ 'warned.yaml': WARNED })
  const run = atseq('lint', '--format', 'json', `${dir}/warned.yaml`)
  const report = JSON.parse(run.stdout) as {
    warnings: number
    results: Array<{ diagnostics: Array<{ code: string; severity: string; at: { line: number } }> }>
  }
  t.equal(report.warnings, 4)
  t.same(report.results[0]!.diagnostics.map(d => d.code).sort(), [
    'no-expectation',
    'non-ascii-command',
    'prompt-length-mismatch',
    'step-number-order',
  ])
})

t.test('lint --var feeds variable checks', async t => {
  const dir = t.testdir({ 'v.yaml': 'sequence: v\nsteps:\n  - { send: "AT+CGDCONT=1,\\"IP\\",\\"{{apn}}\\"", expect: OK }\n' })
  // A name nothing gives is a validation error (as validate reports it), not a warning.
  t.match(atseq('lint', '--strict', `${dir}/v.yaml`), { status: 2, stderr: /error: .*\[undefined-variable\]/ })
  t.match(atseq('lint', '--strict', '--var', 'apn=internet', `${dir}/v.yaml`), { status: 0 })
  t.match(atseq('lint', '--var', 'novalue', `${dir}/v.yaml`), { status: 2, stderr: /name=value/ })
})

t.test('lint on sequences/ is clean even with --strict; invalid files exit 2', async t => {
  t.equal(atseq('lint', '--strict', 'sequences/').status, 0)
  t.equal(atseq('lint', 'test/fixtures/invalid/bad-regex.yaml').status, 2)
})
