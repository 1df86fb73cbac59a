// Wall time and peak memory of the whole SIMCom MQTT(S) certification suite on 1, 4 and 16 simulated
// modems in parallel (in-process, embedded broker per run). Run after `npm run build`.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runFiles } from '../dist/run/run-files.js'
import { ConsoleProgress } from '../dist/report/console/console-progress.js'

async function runOn(count) {
  const dir = mkdtempSync(join(tmpdir(), 'atseq-bench-suite-'))
  const devices = Array.from({ length: count }, (_, i) => `d${i + 1}=sim://simcom-a76xx`)
  const started = performance.now()
  const result = await runFiles(['sequences/simcom/mqtt/'], {
    devices, vars: {}, resolve: [], reportDir: dir, formats: ['html', 'junit', 'json'], timeoutScale: 1,
    maskIdentifiers: true, identify: true, atseqVersion: 'bench', commandLine: ['bench'],
    signal: new AbortController().signal, teardownSignal: new AbortController().signal,
    tags: [], bail: false, progress: new ConsoleProgress({ color: false, write: () => {} }), writeError: (t) => process.stderr.write(t),
  })
  const ms = performance.now() - started
  rmSync(dir, { recursive: true, force: true })
  return { ms, status: result.suite?.status, runs: result.suite?.runs.length ?? 0 }
}

let peakRss = 0
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss) }, 20)
const results = {}
for (const count of [1, 4, 16]) {
  peakRss = process.memoryUsage().rss
  const r = await runOn(count)
  results[count] = { ...r, peakRssMb: peakRss / 1024 / 1024 }
  console.log(`${String(count).padStart(2)} device(s): ${(r.ms / 1000).toFixed(2)} s wall, ${r.runs} runs, ${r.status}, peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`)
}
clearInterval(sampler)
const ratio = results[16].ms / results[1].ms
console.log(`scaling 16 vs 1 device: ${ratio.toFixed(2)}x the time (target < 2x); peak RSS at 16: ${results[16].peakRssMb.toFixed(0)} MB (target < 300 MB)`)
