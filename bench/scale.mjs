// Scale: one suite on 1, 16 and 64 simulated devices at once in this process (each device its own simulated modem,
// embedded broker and far-side servers, as `atseq run --device ...` starts them), in interleaved rounds after a
// warm-up round. Ratios per round: wall(16) / wall(1) and wall(64) / wall(1); limit: peak RSS at 64. CPU seconds per
// wall second say when the one event loop is the limit (near 1.0 means one core is busy all the time).
// Options: --suite=<path> (default the seed sequence), --devices=1,16,64, --rounds=<n> (default 3), --json.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { runFiles } from '../dist/app/run-files.js'
import { ConsoleProgress } from '../dist/report/console/console-progress.js'
import { Table, finish, interleave, median, pairRatios, parseArgs } from './harness.mjs'

const args = parseArgs()
const SUITE = String(args.suite ?? 'sequences/simcom/mqtts-not-verify-server.yaml')
const COUNTS = String(args.devices ?? '1,16,64')
  .split(',')
  .map(Number)
const ROUNDS = Number(args.rounds ?? 3)
const TARGETS = { 16: 2, 64: 4 }
const cpuPerWall = {}

async function runOn(count) {
  const dir = mkdtempSync(join(tmpdir(), 'atseq-bench-scale-'))
  const devices = Array.from({ length: count }, (_, i) => `d${i + 1}=sim://simcom-a76xx`)
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  try {
    const result = await runFiles([SUITE], {
      devices,
      vars: {},
      resolve: [],
      reportDir: dir,
      formats: ['html', 'junit', 'json'],
      timeoutScale: 1,
      maskIdentifiers: true,
      identify: true,
      atseqVersion: 'bench',
      commandLine: ['bench'],
      signal: new AbortController().signal,
      teardownSignal: new AbortController().signal,
      tags: [],
      bail: false,
      progress: new ConsoleProgress({ color: false, write: () => {} }),
      writeError: text => process.stderr.write(text),
    })
    if (result.exitCode !== 0) throw new Error(`${count} device(s): exit ${result.exitCode}`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const ms = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  ;(cpuPerWall[count] ??= []).push((cpu.user + cpu.system) / 1000 / ms)
  return ms
}

const samples = await interleave({ rounds: ROUNDS, sides: COUNTS.map(count => ({ label: String(count), run: () => runOn(count) })) })
const peakRssMb = process.resourceUsage().maxRSS / 1024
const table = new Table(`scale: ${SUITE} on ${COUNTS.join(' / ')} simulated devices, ${ROUNDS} interleaved rounds after warm-up`)
const one = samples[String(COUNTS[0])]
for (const count of COUNTS.slice(1)) {
  table.ratio({
    name: `wall ${count} devices / wall ${COUNTS[0]}`,
    a: { label: String(count), values: samples[String(count)], unit: 'ms' },
    b: { label: String(COUNTS[0]), values: one, unit: 'ms' },
    ratios: pairRatios(samples[String(count)], one, (many, single) => many / single),
    target: { atMost: TARGETS[count] ?? count },
  })
}
for (const count of COUNTS) table.figure({ name: `CPU s per wall s at ${count}`, value: median(cpuPerWall[count]), unit: '' })
table.limit({ name: `peak RSS (at ${Math.max(...COUNTS)} devices)`, value: peakRssMb, unit: 'MB', target: { atMost: 500 } })
finish(table, args)
