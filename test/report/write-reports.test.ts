import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { renderReport, writeFileAtomically, writeReports } from '../../src/report/write-reports.js'
import { failingRun, seedPassRun } from './fixtures/runs.js'

function makeTempDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'atseq-reports-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

t.test('writes each requested format once, in request order, into a new folder', async t => {
  const dir = join(makeTempDir(t), 'nested', 'reports')
  const record = failingRun()
  const written = await writeReports(record, { dir, formats: ['json', 'html', 'junit', 'json'], baseName: 'mqtts-not-verify-server' })
  t.same(written, [
    { format: 'json', path: join(dir, 'mqtts-not-verify-server.json') },
    { format: 'html', path: join(dir, 'mqtts-not-verify-server.html') },
    { format: 'junit', path: join(dir, 'mqtts-not-verify-server.junit.xml') },
  ])
  for (const { format, path } of written) t.equal(readFileSync(path, 'utf8'), renderReport(record, format), format)
  t.same(
    readdirSync(dir).sort(),
    ['mqtts-not-verify-server.html', 'mqtts-not-verify-server.json', 'mqtts-not-verify-server.junit.xml'],
    'no temporary file is left',
  )
})

t.test('given a baseline, the HTML report marks what changed since; other formats stay as they are', async t => {
  const dir = makeTempDir(t)
  const record = failingRun()
  const written = await writeReports(record, { dir, formats: ['html', 'json'], baseName: 'run', baseline: seedPassRun() })
  const html = readFileSync(written[0]!.path, 'utf8')
  t.match(html, /<p class="baseline" id="baseline-summary">\d+ steps changed since the baseline<\/p>/)
  t.match(html, '<input type="checkbox" id="only-changed">')
  t.equal(readFileSync(written[1]!.path, 'utf8'), renderReport(record, 'json'))
  t.notMatch(renderReport(record, 'html'), 'baseline-summary', 'no baseline, no mark')
})

t.test('an existing report is replaced whole', async t => {
  const dir = makeTempDir(t)
  const path = join(dir, 'run.json')
  writeFileSync(path, 'old report')
  await writeFileAtomically(path, 'new report')
  t.equal(readFileSync(path, 'utf8'), 'new report')
  t.same(readdirSync(dir), ['run.json'])
})

t.test('a report that cannot be written is an error with its cause, and leaves nothing behind', async t => {
  const dir = makeTempDir(t)
  const blocker = join(dir, 'run.html')
  writeFileSync(join(blocker), 'x')
  // The destination is a file where a folder is needed.
  await t.rejects(writeFileAtomically(join(blocker, 'inner.html'), 'content'), {
    message: /could not write the report/,
    cause: { code: 'ENOTDIR' },
  })
  t.same(readdirSync(dir), ['run.html'])
})
