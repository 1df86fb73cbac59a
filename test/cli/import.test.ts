import t from 'tap'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
const atseq = (...args: string[]) =>
  spawnSync(process.execPath, ['dist/cli/main.js', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 })
const seed = 'test/fixtures/spec/mqtts-not-verify-server.txt'

t.test('import prints YAML that validates, and warns on rows 3, 8 and 12', async t => {
  const run = atseq('import', seed)
  t.equal(run.status, 0, run.stderr)
  t.match(run.stdout, /^sequence: MQTTS- Not Verify Server$/m)
  t.match(run.stderr, new RegExp(`^${seed}:13:\\d+: warning: row 3: .*\\[non-ascii-command\\]$`, 'm'))
  t.match(run.stderr, new RegExp(`^${seed}:26:1: warning: step 8\\.2: .*\\[prompt-length-mismatch\\]$`, 'm'))
  t.match(run.stderr, new RegExp(`^${seed}:36:1: warning: step 12: .*\\[urc-name-mismatch\\]$`, 'm'))
  const dir = t.testdir({ 'imported.yaml': run.stdout })
  t.equal(atseq('validate', `${dir}/imported.yaml`).status, 0)
})

t.test('import -o writes the file', async t => {
  const dir = t.testdir({})
  const run = atseq('import', seed, '-o', `${dir}/out.yaml`)
  t.equal(run.status, 0)
  t.equal(run.stdout, '')
  t.match(readFileSync(`${dir}/out.yaml`, 'utf8'), /- no: "4\.1"\n\s+send: AT\+CMQTTWILLTOPIC=0,10/)
})

t.test('import of a missing file or a text without a table exits 2', async t => {
  const dir = t.testdir({ 'prose.txt': 'no table here\n' })
  t.match(atseq('import', `${dir}/missing.txt`), { status: 2, stderr: /\[file-not-found\]/ })
  t.match(atseq('import', `${dir}/prose.txt`), { status: 2, stderr: /\[no-table-rows\]/ })
  t.match(atseq('import'), { status: 2, stderr: /missing required argument/ })
})
