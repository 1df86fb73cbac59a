import t from 'tap'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runYamlOnSim } from '../helpers/run-on-sim.js'

// Runs the built CLI (npm test builds dist/ first).
const root = fileURLToPath(new URL('../../', import.meta.url))
const atseq = (...args: string[]) =>
  spawnSync(process.execPath, ['dist/cli/main.js', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 })

const SEQUENCE = `sequence: diff cli
device: simcom-a76xx
steps:
  - no: "1"
    send: AT+CGMR
    expect: ["+CGMR: A011B07A7670M7_F", OK]
`

function jsonOf(paths: string[]): string {
  return paths.find(p => p.endsWith('.json'))!
}

t.test('atseq diff: a run with itself reports no differences and exits 0', async t => {
  const run = await runYamlOnSim(t, SEQUENCE)
  const a = jsonOf(run.reportPaths)
  const page = join(run.dir, 'self.diff.html')
  const result = atseq('diff', a, a, '--html', page)
  t.equal(result.status, 0, result.stderr)
  t.match(result.stdout, /no differences/)
  t.ok(existsSync(page))
  t.match(readFileSync(page, 'utf8'), /No differences/)
})

t.test('atseq diff: a step that went from passed to failed exits 1 and says so', async t => {
  // Each run gets a fresh test folder: keep A's record before B's run replaces the folder.
  const recordA = readFileSync(jsonOf((await runYamlOnSim(t, SEQUENCE)).reportPaths), 'utf8')
  const runB = await runYamlOnSim(t, SEQUENCE, { device: 'sim://simcom-sim7600' })
  const b = jsonOf(runB.reportPaths)
  const a = join(runB.dir, 'a.json')
  writeFileSync(a, recordA)
  const result = atseq('diff', a, b)
  t.equal(result.status, 1, result.stderr)
  t.match(result.stdout, /step 1 +AT\+CGMR +REGRESSION/)
  t.match(result.stdout, /status: passed → failed/)
  t.match(result.stdout, /device revision: A011B07A7670M7_F → SIM7600M22_V1\.1/)
  const page = b.replace(/\.json$/, '.diff.html')
  t.ok(existsSync(page), 'the page is written next to B by default')
  t.equal(atseq('diff', b, a, '--no-html').status, 0, 'failed → passed is not a regression')
})

t.test('atseq diff: a file that is not a run record exits 2', async t => {
  const dir = t.testdir({})
  const bogus = join(dir, 'x.json')
  writeFileSync(bogus, '{"hello": 1}')
  const result = atseq('diff', bogus, bogus, '--no-html')
  t.equal(result.status, 2)
  t.match(result.stderr, /not an atseq run record/)
  t.equal(atseq('diff', join(dir, 'missing.json'), bogus).status, 2)
  t.equal(atseq('diff', bogus, bogus, '--latency-threshold', 'soon').status, 2)
})
