/** The plan stage's pure parts: shards, globs, device arguments, suite loading diagnostics, merging. */
import t from 'tap'
import { resolveRunDeviceUrl } from '../../src/plan/build-plan.js'
import { doesGlobMatch } from '../../src/plan/glob-pattern.js'
import { parseDeviceArgument } from '../../src/plan/device-list.js'
import { loadSuiteText } from '../../src/plan/load-suite.js'
import { mergeSuiteRecords } from '../../src/plan/merge-suite-records.js'
import { isInShard, parseShard } from '../../src/plan/shard.js'
import { isSuiteFile } from '../../src/plan/suite-file.js'
import type { SuiteRecord } from '../../src/model/suite-record.js'
import type { PlanEntry } from '../../src/model/suite.js'
import { parseDeviceUrl } from '../../src/transport/device-url.js'

t.test('shards split positions round-robin, every position in exactly one shard', async t => {
  t.same(parseShard('2/3'), { ok: true, shard: { index: 2, total: 3 } })
  for (const bad of ['0/3', '4/3', '1/0', 'x', '1/2/3']) t.equal(parseShard(bad).ok, false, bad)
  for (let position = 0; position < 20; position++) {
    const owners = [1, 2, 3].filter(index => isInShard(position, { index, total: 3 }))
    t.equal(owners.length, 1)
  }
  t.ok(isInShard(7, undefined), 'no shard: everything')
})

t.test('globs: * stays in a folder, ** crosses folders', async t => {
  t.ok(doesGlobMatch('*.yaml', 'qos.yaml'))
  t.notOk(doesGlobMatch('*.yaml', 'setup/ready.yaml'))
  t.ok(doesGlobMatch('**/*.yaml', 'setup/ready.yaml'))
  t.ok(doesGlobMatch('**/*.yaml', 'top.yaml'))
  t.ok(doesGlobMatch('./tls-?.yaml', 'tls-a.yaml'))
  t.notOk(doesGlobMatch('tls.yaml', 'tlsXyaml'), 'a dot is literal')
})

t.test('suite files and device arguments', async t => {
  t.ok(isSuiteFile('a/suite.yaml'))
  t.ok(isSuiteFile('lab.suite.yml'))
  t.notOk(isSuiteFile('my-suite.yaml'))
  t.same(parseDeviceArgument('bench-1=/dev/ttyUSB2', 1), { name: 'bench-1', url: '/dev/ttyUSB2', vars: {} })
  t.same(parseDeviceArgument('sim://simcom-a76xx?echo=0', 2), { name: 'device-2', url: 'sim://simcom-a76xx?echo=0', vars: {} })
})

t.test('a bad suite file gives located diagnostics with stable codes, all at once', async t => {
  const loaded = loadSuiteText('s.suite.yaml', Buffer.from('suite: x\nsequences: []\nsetpu: a.yaml\norder: random\n'))
  t.equal(loaded.suite, undefined)
  const codes = loaded.diagnostics.map(d => `${d.code}@${d.at.line}`)
  t.ok(codes.includes('suite-unknown-key@3'), codes.join(','))
  t.ok(
    codes.some(c => c.startsWith('suite-schema@2')),
    codes.join(','),
  )
  t.ok(
    codes.some(c => c.startsWith('suite-schema@4')),
    codes.join(','),
  )
  const good = loadSuiteText(
    's.suite.yaml',
    Buffer.from('suite: x\nsequences: ["*.yaml", { path: a.yaml, vars: { n: 1 } }]\nvars: { apn: internet }\n'),
  )
  t.equal(good.suite?.entries[1]?.vars['n'], '1', 'vars become strings')
  t.equal(good.suite?.order, 'listed')
})

t.test('merging refuses records of different suites', async t => {
  const record = (name: string): SuiteRecord => ({
    schemaVersion: 1,
    kind: 'atseq-suite',
    atseqVersion: 't',
    suite: { name },
    commandLine: [],
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
    status: 'passed',
    exitCode: 0,
    shards: [],
    plannedSequences: 0,
    devices: [],
    runs: [],
  })
  const result = mergeSuiteRecords([record('a'), record('b')])
  t.equal(result.ok, false)
  t.equal(result.ok ? '' : result.code, 'merge-mismatch')
  t.equal(mergeSuiteRecords([]).ok, false)
})

t.test("an entry's simulator settings reach sim:// devices only, replacing the same URL parameter", async t => {
  const loaded = loadSuiteText(
    's.suite.yaml',
    Buffer.from('suite: x\nsequences: [{ path: a.yaml, sim: { promptTimeoutMs: 1000 } }, b.yaml]\n'),
  )
  t.same(loaded.suite?.entries[0]?.sim, { promptTimeoutMs: 1000 })
  const entry = { role: 'sequence', order: 1, vars: {}, sim: { promptTimeoutMs: 1000 } } as unknown as PlanEntry
  const device = (url: string) => ({ name: 'd', url, vars: {} })
  const url = resolveRunDeviceUrl(entry, device('sim://simcom-a76xx?promptTimeoutMs=5&resolve=*:1883=127.0.0.1:4000'))
  const parsed = parseDeviceUrl(url)
  t.equal(parsed.kind, 'sim')
  if (parsed.kind === 'sim') {
    t.same(parsed.params.getAll('promptTimeoutMs'), ['1000'])
    t.same(parsed.params.getAll('resolve'), ['*:1883=127.0.0.1:4000'], 'other parameters stay as they were')
  }
  t.equal(resolveRunDeviceUrl(entry, device('/dev/ttyUSB2')), '/dev/ttyUSB2', 'a serial port is opened as given')
  t.equal(resolveRunDeviceUrl(entry, device('tcp://127.0.0.1:4001')), 'tcp://127.0.0.1:4001')
  t.equal(resolveRunDeviceUrl({ ...entry, sim: undefined } as unknown as PlanEntry, device('sim://simcom-a76xx')), 'sim://simcom-a76xx')
  const bad = loadSuiteText(
    's.suite.yaml',
    Buffer.from('suite: x\nsequences:\n  - { path: a.yaml, sim: { promptTimeoutMs: 0, echo: 1 } }\n'),
  )
  t.equal(bad.suite, undefined)
  t.ok(
    bad.diagnostics.every(d => d.at.line === 3),
    bad.diagnostics.map(d => `${d.code}@${d.at.line}: ${d.message}`).join('; '),
  )
  t.ok(bad.diagnostics.length >= 2, 'the zero timeout and the unknown setting are both reported')
})
