import t from 'tap'
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

// Runs the built CLI (npm test builds dist/ first).
const root = fileURLToPath(new URL('../../', import.meta.url))
const atseq = (...args: string[]) =>
  spawnSync(process.execPath, ['dist/cli/main.js', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 })

t.test('validate sequences/ exits 0', async t => {
  const run = atseq('validate', 'sequences/')
  t.equal(run.status, 0, run.stderr)
  t.match(run.stdout, /validated \d+ files?: no problems/)
})

t.test('validate on the invalid fixtures prints one located error per file and exits 2, without stack traces', async t => {
  const files = readdirSync(`${root}test/fixtures/invalid`)
  const run = atseq('validate', 'test/fixtures/invalid/')
  t.equal(run.status, 2)
  const lines = run.stderr.trim().split('\n')
  t.equal(lines.length, files.length, 'one line per broken file')
  for (const line of lines) t.match(line, /^test\/fixtures\/invalid\/[a-z-]+\.yaml:\d+:\d+: error: .+ \[[a-z-]+\]$/)
  t.notMatch(run.stderr, /\n\s+at |Error:/, 'no stack trace')
  t.match(run.stdout, new RegExp(`validated ${files.length} files: ${files.length} errors`))
})

t.test('validate prints every problem of a file, in line order, and the summary counts them', async t => {
  const dir = t.testdir({
    'four.yaml': [
      'sequence: four problems',
      'steps:',
      '  - { send: AT, timeout: 5 parsecs }',
      '  - { send: AT+CSQ, expect: "/+CSQ: ([0-9/" }',
      '  - { send: AT+CREG?, expcet: OK }',
      '  - { send: AT+COPS?, timeout: 1 fortnight }',
      '',
    ].join('\n'),
  })
  const run = atseq('validate', `${dir}/four.yaml`)
  t.equal(run.status, 2)
  const found = [...run.stderr.matchAll(/:(\d+):(\d+): error: .* \[([a-z-]+)\]$/gm)].map(m => [Number(m[1]), m[3]])
  t.same(found, [
    [3, 'bad-duration'],
    [4, 'bad-regex'],
    [5, 'unknown-key'],
    [6, 'bad-duration'],
  ])
  t.match(run.stdout, /validated 1 file: 4 errors/)
})

t.test('validate --format json', async t => {
  const run = atseq('validate', '--format', 'json', 'test/fixtures/invalid/unknown-key.yaml')
  t.equal(run.status, 2)
  const report = JSON.parse(run.stdout) as {
    invalid: number
    results: Array<{ valid: boolean; diagnostics: Array<{ code: string; at: { line: number; col: number } }> }>
  }
  t.equal(report.invalid, 1)
  t.match(report.results[0], { valid: false, diagnostics: [{ code: 'unknown-key', at: { line: 5, col: 5 } }] })
})

t.test('a missing path and an empty folder are errors, exit 2', async t => {
  const dir = t.testdir({ empty: {} })
  const missing = atseq('validate', 'no/such/file.yaml')
  t.equal(missing.status, 2)
  t.match(missing.stderr, /^no\/such\/file\.yaml:1:1: error: no such file .*\[file-not-found\]/)
  const empty = atseq('validate', `${dir}/empty`)
  t.equal(empty.status, 2)
  t.match(empty.stderr, /\[no-sequence-files\]/)
})

t.test('validate --help describes the command', async t => {
  const run = atseq('validate', '--help')
  t.equal(run.status, 0)
  t.match(run.stdout, /Exit codes: 0 all files valid, 2/)
  t.match(run.stdout, /--format/)
})

t.test('in a fresh project without sequences/, validate and lint say so instead of naming a missing file', async t => {
  const dir = t.testdir({})
  for (const command of ['validate', 'lint']) {
    const run = spawnSync(process.execPath, [`${root}dist/cli/main.js`, command], { cwd: dir, encoding: 'utf8', timeout: 60_000 })
    t.equal(run.status, 2, command)
    t.match(run.stderr, new RegExp(`^atseq ${command}: looked for sequence files \\(\\*\\.yaml, \\*\\.yml\\) under sequences/`), command)
    t.match(run.stderr, new RegExp(`e\\.g\\. atseq ${command} \\S+/ or atseq ${command} \\S+\\.yaml\\n$`), command)
    t.equal(run.stderr.trim().split('\n').length, 1, 'one sentence')
    t.notMatch(run.stderr, /sequences:1:1/, command)
  }
})

t.test('npm ci && npm start builds once: start runs what prepare already built', async t => {
  const scripts = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts
  t.match(scripts.prepare, /npm run build/)
  t.notMatch(scripts.start, /build/)
  t.notOk(scripts.prestart, 'no prestart build either')
})
