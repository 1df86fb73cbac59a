// Wall time, CPU time and peak memory of the whole SIMCom MQTT(S) certification suite on 1, 4 and 16
// simulated modems in parallel (in-process, embedded broker per run). Run after `npm run build`.
// The suite idles most of the time on one modem (keepalive waits, a prompt timeout); with many modems
// the one event loop becomes the limit, so the CPU seconds say where a worse ratio comes from. The last
// line repeats 16 devices with JSON reports only: the difference is the per-run HTML and JUnit reports.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runFiles } from '../dist/run/run-files.js'
import { ConsoleProgress } from '../dist/report/console/console-progress.js'

async function runOn(count, formats = ['html', 'junit', 'json']) {
  const dir = mkdtempSync(join(tmpdir(), 'atseq-bench-suite-'))
  const devices = Array.from({ length: count }, (_, i) => `d${i + 1}=sim://simcom-a76xx`)
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  const result = await runFiles(['sequences/simcom/mqtt/'], {
    devices,
    vars: {},
    resolve: [],
    reportDir: dir,
    formats,
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
    writeError: t => process.stderr.write(t),
  })
  const ms = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  const cpuMs = (cpu.user + cpu.system) / 1000
  rmSync(dir, { recursive: true, force: true })
  return { ms, cpuMs, status: result.suite?.status, runs: result.suite?.runs.length ?? 0 }
}

let peakRss = 0
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
}, 20)
const results = {}
for (const count of [1, 4, 16]) {
  peakRss = process.memoryUsage().rss
  const r = await runOn(count)
  results[count] = { ...r, peakRssMb: peakRss / 1024 / 1024 }
  console.log(
    `${String(count).padStart(2)} device(s): ${(r.ms / 1000).toFixed(2)} s wall, ${(r.cpuMs / 1000).toFixed(2)} s CPU, ${r.runs} runs, ${r.status}, peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`,
  )
}
const jsonOnly = await runOn(16, ['json'])
console.log(`16 device(s), JSON reports only: ${(jsonOnly.ms / 1000).toFixed(2)} s wall, ${(jsonOnly.cpuMs / 1000).toFixed(2)} s CPU`)
clearInterval(sampler)
const ratio = results[16].ms / results[1].ms
console.log(
  `scaling 16 vs 1 device: ${ratio.toFixed(2)}x the time (target < 2x); peak RSS at 16: ${results[16].peakRssMb.toFixed(0)} MB (target < 300 MB)`,
)
