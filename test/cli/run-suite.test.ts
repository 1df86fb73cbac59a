/**
 * `atseq run` on the certification suite and `atseq merge`, through the built CLI (npm test builds
 * dist/ first): three shards merged equal the unsharded run, two named devices get a report section
 * each, and usage errors exit 2.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import type { SuiteRecord } from '../../src/model/suite-record.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const SUITE = 'sequences/simcom/mqtt/'

interface Finished {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs the CLI without blocking the test process (shards run side by side). */
function atseq(...args: string[]): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/cli/main.js', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8')
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8')
    })
    child.on('error', reject)
    child.on('close', status => resolve({ status, stdout, stderr }))
  })
}

const readRecord = (dir: string): SuiteRecord => JSON.parse(readFileSync(join(dir, 'suite.json'), 'utf8')) as SuiteRecord

/** The rows of the index, as a lab reads them: device, role, sequence file, status. */
function describeRows(record: SuiteRecord): string[] {
  return record.runs.map(run => `${run.device} ${run.role} ${run.order} ${run.sequence.file} ${run.status}`)
}

/** `<tr class="run r-passed" data-device="a">...<code>file</code>` rows of one index page, sorted. */
function readIndexRows(html: string): string[] {
  const rows = [...html.matchAll(/<tr class="run r-(\w+)" data-device="([^"]+)">[\s\S]*?<code>([^<]+)<\/code>/g)]
  return rows.map(m => `${m[2]} ${m[3]} ${m[1]}`).sort()
}

t.test('run --shard 1/3..3/3 then merge gives the unsharded verdict, rows and files', async t => {
  const dir = t.testdir({})
  const devices = ['--device', 'x=sim://simcom-a76xx', '--device', 'y=sim://simcom-a76xx']
  const [whole, ...shards] = await Promise.all([
    atseq('run', SUITE, ...devices, '--report-dir', join(dir, 'whole')),
    ...[1, 2, 3].map(i => atseq('run', SUITE, ...devices, '--shard', `${i}/3`, '--report-dir', join(dir, `shard-${i}`))),
  ])
  t.equal(whole!.status, 0, whole!.stderr)
  shards.forEach((shard, i) => {
    t.equal(shard.status, 0, `shard ${i + 1}: ${shard.stderr}`)
    t.match(shard.stdout, /suite passed: \d+ passed on 2 devices/)
    t.same(readRecord(join(dir, `shard-${i + 1}`)).shards, [{ index: i + 1, total: 3 }])
  })
  const merged = await atseq('merge', ...[1, 2, 3].map(i => join(dir, `shard-${i}`, 'suite.json')), '--report-dir', join(dir, 'merged'))
  t.equal(merged.status, 0, merged.stderr)
  t.match(merged.stdout, /merged 3 results: suite passed/)
  for (const file of ['index.html', 'suite.junit.xml', 'suite.json']) t.ok(existsSync(join(dir, 'merged', file)), `merged ${file}`)
  const mergedRecord = readRecord(join(dir, 'merged'))
  const wholeRecord = readRecord(join(dir, 'whole'))
  t.equal(mergedRecord.status, wholeRecord.status)
  t.equal(mergedRecord.exitCode, wholeRecord.exitCode)
  t.same(describeRows(mergedRecord), describeRows(wholeRecord), 'the same sequence × device runs in the same order')
  t.ok(
    mergedRecord.plannedSequences >= 18 && wholeRecord.runs.length === 2 * (mergedRecord.plannedSequences + 1),
    'every sequence and the setup on both devices',
  )
  const mergedIndex = readFileSync(join(dir, 'merged', 'index.html'), 'utf8')
  t.same(readIndexRows(mergedIndex), readIndexRows(readFileSync(join(dir, 'whole', 'index.html'), 'utf8')), 'the index rows are the same')
  t.match(mergedIndex, /Shards<\/dt><dd>1\/3, 2\/3, 3\/3/)
  const links = [...mergedIndex.matchAll(/href="([^"#]+\.html)/g)].map(m => m[1]!)
  t.ok(links.length > 0 && links.every(link => existsSync(join(dir, 'merged', link))), 'the merged index links to run reports next to it')
  const junit = readFileSync(join(dir, 'merged', 'suite.junit.xml'), 'utf8')
  t.equal((junit.match(/<testsuite /g) ?? []).length, mergedRecord.plannedSequences + 1, 'one testsuite per sequence (and the setup)')
})

t.test('run with two named devices writes one report section and one report folder per device', async t => {
  const dir = t.testdir({})
  const result = await atseq(
    'run',
    SUITE,
    '--device',
    'bench-1=sim://simcom-a76xx',
    '--device',
    'bench-2=sim://simcom-a76xx',
    '--grep',
    'tcp-publish-subscribe|qos-receive|user-password',
    '--exclude-tag',
    'broker-config',
    '--report-dir',
    dir,
  )
  t.equal(result.status, 0, result.stderr)
  t.match(result.stdout, /^\[bench-1\] /m, 'progress lines say which device they are about')
  t.match(result.stdout, /^\[bench-2\] /m)
  const index = readFileSync(join(dir, 'index.html'), 'utf8')
  for (const name of ['bench-1', 'bench-2']) {
    const section = new RegExp(`<section class="device" id="device-${name}"[\\s\\S]*?</section>`).exec(index)?.[0] ?? ''
    t.match(section, /v-passed/, `${name} has its section with its verdict`)
    t.equal(
      (section.match(/data-device="([^"]+)"/g) ?? []).filter(m => m.includes(`"${name}"`)).length,
      4,
      `${name}: setup and two sequences (and the section itself)`,
    )
    t.ok(existsSync(join(dir, name)), `${name} has its report folder`)
  }
  t.same(
    readRecord(dir).devices.map(d => [d.name, d.status]),
    [
      ['bench-1', 'passed'],
      ['bench-2', 'passed'],
    ],
  )
  t.notOk(
    readRecord(dir).runs.some(run => run.sequence.file.endsWith('user-password.yaml')),
    '--exclude-tag broker-config left user-password out',
  )
})

t.test('usage errors exit 2 and name the problem', async t => {
  const dir = t.testdir({})
  const bad = spawnSync(process.execPath, ['dist/cli/main.js', 'run', SUITE, '--shard', '4/3', '--report-dir', dir], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  })
  t.equal(bad.status, 2)
  t.match(bad.stderr, /--shard.*1 <= i <= n/)
  t.notOk(existsSync(join(dir, 'suite.json')), 'nothing ran')
  const twice = await atseq('run', SUITE, '--device', 'a=sim://simcom-a76xx', '--device', 'a=sim://simcom-a76xx', '--report-dir', dir)
  t.equal(twice.status, 2)
  t.match(twice.stderr, /device-name-duplicate/)
  const notSuite = await atseq('merge', join(root, 'package.json'), '--report-dir', dir)
  t.equal(notSuite.status, 2)
  t.match(notSuite.stderr, /not an atseq suite result/)
})
