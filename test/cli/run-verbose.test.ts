/** `atseq run --verbose` prints the transcript live, masked as the reports are (run `npm run build` first). */
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
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1' },
  })

const SEQUENCE = 'sequence: verbose\nsteps:\n  - send: AT\n    expect: OK\n  - send: AT+CGDCONT=1,"IP","{{apn}}"\n    expect: OK\n'

t.test('--verbose prints every sent and received line, control characters visible, secrets masked like the report', async t => {
  const dir = t.testdir({ 'a.yaml': SEQUENCE })
  const reports = join(dir, 'reports')
  const run = atseq('run', '--verbose', '--no-identify', '--secret-var', 'apn=hidden.apn', '--report-dir', reports, join(dir, 'a.yaml'))
  t.equal(run.status, 0, run.stderr)
  t.match(run.stdout, /^ +\+ +[\d.]+s tx {2}AT\\r$/m, 'the sent line, its CR shown as \\r')
  t.match(run.stdout, /^ +\+ +[\d.]+s rx {2}.*OK\\r\\n$/m, 'the received OK, its CR LF shown')
  t.notMatch(run.stdout, /hidden\.apn/, 'the secret never reaches the terminal')
  t.match(run.stdout, /tx {2}AT\+CGDCONT=1,"IP","••••••"\\r/, 'masked as the report masks it')
  const transcript = readdirSync(reports).find(name => name.endsWith('.transcript.txt')) ?? ''
  const saved = readFileSync(join(reports, transcript), 'utf8').trimEnd().split('\n')
  const printed = run.stdout
    .split('\n')
    .filter(line => /^ +\+ +[\d.]+s (tx|rx|--) /.test(line))
    .map(line => line.trim())
  t.same(printed, saved, 'the terminal shows exactly the transcript the report keeps, in order')
  const passLine = run.stdout.split('\n').findIndex(line => /PASS .*AT\+CGDCONT/.test(line))
  const sentLine = run.stdout.split('\n').findIndex(line => /tx {2}AT\+CGDCONT/.test(line))
  t.ok(sentLine >= 0 && sentLine < passLine, 'the lines come as they happen, before the step ends')
})

t.test('without --verbose no transcript line is printed', async t => {
  const dir = t.testdir({ 'a.yaml': SEQUENCE })
  const run = atseq('run', '--no-identify', '--var', 'apn=internet', '--report-dir', join(dir, 'reports'), join(dir, 'a.yaml'))
  t.equal(run.status, 0, run.stderr)
  t.notMatch(run.stdout, / tx {2}/)
})

t.test('--verbose and --quiet conflict: a usage error, exit 2, before anything runs', async t => {
  const dir = t.testdir({ 'a.yaml': SEQUENCE })
  const run = atseq('run', '--verbose', '--quiet', '--report-dir', join(dir, 'reports'), join(dir, 'a.yaml'))
  t.equal(run.status, 2)
  t.match(run.stderr, /^atseq run: error: .*--verbose.*--quiet/)
  t.equal(run.stdout, '')
})
