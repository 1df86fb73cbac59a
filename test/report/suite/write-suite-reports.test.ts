import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import { SUITE_RECORD_SCHEMA_VERSION, type SuiteRecord } from '../../../src/model/suite-record.js'
import { writeRunReports } from '../../../src/report/suite/write-suite-reports.js'
import { failingRun } from '../fixtures/runs.js'

/** A one-device suite record whose runs carry these report files, as a shard's suite.json would. */
function suiteRecord(reportFiles: readonly string[]): SuiteRecord {
  const record = failingRun()
  return {
    schemaVersion: SUITE_RECORD_SCHEMA_VERSION,
    kind: 'atseq-suite',
    atseqVersion: 'test',
    suite: { name: 'suite' },
    commandLine: ['atseq', 'merge'],
    startedAt: record.startedAt,
    durationMs: 1,
    status: 'failed',
    exitCode: 1,
    shards: [],
    plannedSequences: reportFiles.length,
    devices: [{ name: 'a', url: 'sim://simcom-a76xx', identity: {}, status: 'failed', exitCode: 1 }],
    runs: reportFiles.map((reportFile, order) => ({
      device: 'a',
      role: 'sequence',
      order,
      sequence: { name: `s${order}`, file: `s${order}.yaml` },
      status: 'failed',
      exitCode: 1,
      durationMs: 1,
      reportFile,
      record,
    })),
  }
}

t.test('writes each run report under the report folder, where the index links to it', async t => {
  const dir = join(t.testdir({}), 'merged')
  await writeRunReports(suiteRecord(['a/x.html', 'javascript:alert(1).html']), dir)
  t.ok(existsSync(join(dir, 'a', 'x.html')))
  t.notOk(existsSync(join(dir, 'javascript:alert(1).html')), 'a report file that reads as a scheme gets no link, so it is not written')
})

t.test("a hostile shard's report file cannot leave the report folder", async t => {
  const root = t.testdir({})
  const dir = join(root, 'deep', 'merged')
  mkdirSync(dir, { recursive: true })
  await writeRunReports(suiteRecord(['../escaped.html', 'a/../../../escaped-too.html']), dir)
  t.notOk(existsSync(join(root, 'deep', 'escaped.html')), 'not one folder up')
  t.notOk(existsSync(join(root, 'escaped-too.html')), 'not behind a folder that climbs back out')
})
