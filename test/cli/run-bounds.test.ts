/** `atseq run` refuses out-of-range input with exit 2 before it opens anything (run `npm run build` first). */
import t from 'tap'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
const atseq = (...args: string[]) =>
  spawnSync(process.execPath, ['dist/cli/main.js', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 })

t.test('--timeout-scale beyond its bound exits 2', async t => {
  const dir = t.testdir({ 'a.yaml': 'sequence: a\nsteps:\n  - send: AT\n' })
  for (const scale of ['1e10', '0', '-1', 'abc', '21']) {
    const run = atseq('run', '--timeout-scale', scale, '--report-dir', join(dir, 'reports'), join(dir, 'a.yaml'))
    t.equal(run.status, 2, `--timeout-scale ${scale}`)
    t.match(run.stderr, /timeout-scale/)
  }
})

t.test('a sleep beyond the bound exits 2 with its location and runs nothing', async t => {
  const dir = t.testdir({ 'a.yaml': 'sequence: a\nsteps:\n  - sleep: 40000m\n' })
  const run = atseq('run', '--report-dir', join(dir, 'reports'), join(dir, 'a.yaml'))
  t.equal(run.status, 2)
  t.match(run.stderr, /a\.yaml:3:12: error: .*\[duration-out-of-range\]/)
})

t.test('a --var that injects a command exits 2 before anything is sent', async t => {
  const dir = t.testdir({ 'a.yaml': 'sequence: a\nsteps:\n  - send: AT+CGDCONT=1,"IP","{{apn}}"\n' })
  const run = atseq('run', '--var', 'apn=internet"\r\nAT+CRESET\r\n', '--report-dir', join(dir, 'reports'), join(dir, 'a.yaml'))
  t.equal(run.status, 2)
  t.match(run.stderr, /\[control-character-in-value\]/)
})

t.test('--var-file of a device or a folder exits 2 at once instead of reading without end', async t => {
  const dir = t.testdir({ 'a.yaml': 'sequence: a\nsteps:\n  - send: AT\n' })
  for (const path of ['/dev/zero', dir]) {
    const run = atseq('run', '--var-file', `ca=${path}`, '--report-dir', join(dir, 'reports'), join(dir, 'a.yaml'))
    t.equal(run.status, 2, path)
    t.match(run.stderr, /cannot use/)
  }
})
