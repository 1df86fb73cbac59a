/** `atseq run --baseline previous.json` end to end on the simulator (run `npm run build` first). */
import t from 'tap'
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
const atseq = (...args: string[]) =>
  spawnSync(process.execPath, ['dist/cli/main.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 90_000,
    env: { ...process.env, NO_COLOR: '1' },
  })

// Step 1's verdict follows --var cmd (AT passes, an unknown command gets ERROR); step 2 only gets slower when the simulator answers late.
const SEQUENCE =
  'sequence: baseline\nsteps:\n  - send: "{{cmd}}"\n    expect: OK\n    continue_on_failure: true\n  - send: ATE1\n    expect: OK\n'

function findReport(dir: string, extension: string): string {
  const name = readdirSync(dir).find(file => file.endsWith(extension))
  if (name === undefined) throw new Error(`no ${extension} in ${dir}`)
  return join(dir, name)
}

t.test('a second run against the first one says which steps changed status and which got slower', async t => {
  const dir = t.testdir({ 'a.yaml': SEQUENCE })
  const first = atseq('run', '--no-identify', '--var', 'cmd=AT', '--report-dir', join(dir, 'one'), join(dir, 'a.yaml'))
  t.equal(first.status, 0, first.stderr)
  t.notMatch(first.stdout, /since the baseline/, 'no baseline, no comparison')
  const baseline = findReport(join(dir, 'one'), '.json')
  const second = atseq(
    'run',
    '--no-identify',
    '--device',
    'sim://simcom-a76xx?latencyMs=600',
    '--var',
    'cmd=AT+NOSUCH',
    '--baseline',
    baseline,
    '--report-dir',
    join(dir, 'two'),
    join(dir, 'a.yaml'),
  )
  t.equal(second.status, 1, second.stderr)
  t.match(second.stdout, /since the baseline: 1 step changed status \(1 failed, was passed\); 1 slower: 2 ATE1 /)
  const html = readFileSync(findReport(join(dir, 'two'), '.html'), 'utf8')
  t.match(html, /id="baseline-summary"/, 'the HTML report is compared too')
  t.match(html, /id="only-changed"/, 'and offers the changed-only filter')
})

t.test('a baseline of another sequence is not compared', async t => {
  const dir = t.testdir({ 'a.yaml': SEQUENCE, 'b.yaml': 'sequence: other\nsteps:\n  - send: AT\n' })
  const first = atseq('run', '--no-identify', '--report-dir', join(dir, 'one'), join(dir, 'b.yaml'))
  t.equal(first.status, 0, first.stderr)
  const second = atseq(
    'run',
    '--no-identify',
    '--var',
    'cmd=AT',
    '--baseline',
    findReport(join(dir, 'one'), '.json'),
    '--report-dir',
    join(dir, 'two'),
    join(dir, 'a.yaml'),
  )
  t.equal(second.status, 0, second.stderr)
  t.notMatch(second.stdout, /since the baseline/)
})

t.test('a missing or invalid baseline is a usage error, exit 2, in one sentence, before anything runs', async t => {
  const dir = t.testdir({ 'a.yaml': SEQUENCE, 'not-a-run.json': '{"hello": 1}', 'broken.json': '{' })
  for (const file of ['missing.json', 'not-a-run.json', 'broken.json']) {
    const run = atseq('run', '--var', 'cmd=AT', '--baseline', join(dir, file), '--report-dir', join(dir, 'reports'), join(dir, 'a.yaml'))
    t.equal(run.status, 2, file)
    const [first] = run.stderr.split('\n')
    t.match(first, /^atseq run: error: option '--baseline <run\.json>' argument .* is invalid\. /, `${file}: the option and why`)
    t.match(run.stderr, /\nusage: atseq run /)
    t.equal(run.stdout, '', `${file}: nothing ran`)
  }
})
