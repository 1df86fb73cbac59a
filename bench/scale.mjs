// Scale: one suite on 1, 16 and 64 simulated devices at once in this process (each device its own simulated modem,
// embedded broker and far-side servers, as `atseq run --device ...` starts them), in interleaved rounds after a
// warm-up round. Ratios per round: wall(16) / wall(1) and wall(64) / wall(1); limit: peak RSS at 64. CPU ms per
// device and CPU seconds per wall second say when the one event loop is the limit (near 1.0: one core busy all along).
// With --threads=<n>, the largest count also runs split over n worker threads (bench/peers/scale-worker.mjs), and
// the ratio threads / one loop says whether worker threads would pay (target: at least 25 % faster).
// Each simulated modem answers as a real one does: after --latency-ms (default 30) per command, at --baud (default
// 115200) on its serial line; --latency-ms=0 --baud=0 gives the instant modem, which measures only atseq's CPU.
// Options: --suite=<path> (default the seed sequence), --devices=1,16,64, --rounds=<n> (default 3), --threads=<n>,
// --latency-ms=<ms>, --baud=<bits/s>, --json.
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import { Table, finish, interleave, median, pairRatios, parseArgs } from './harness.mjs'
import { runSuiteOn } from './peers/scale-worker.mjs'

const args = parseArgs()
const SUITE = String(args.suite ?? 'sequences/simcom/mqtts-not-verify-server.yaml')
const COUNTS = String(args.devices ?? '1,16,64')
  .split(',')
  .map(Number)
const ROUNDS = Number(args.rounds ?? 3)
const THREADS = Number(args.threads ?? 0)
const LATENCY_MS = Number(args['latency-ms'] ?? 30)
const BAUD = Number(args.baud ?? 115200)
const SIM_QUERY = [LATENCY_MS > 0 ? `latencyMs=${LATENCY_MS}` : '', BAUD > 0 ? `baud=${BAUD}` : ''].filter(Boolean).join('&')
const SIM_URL = `sim://simcom-a76xx${SIM_QUERY === '' ? '' : `?${SIM_QUERY}`}`
const WARMUP = 1
const MOST = Math.max(...COUNTS)
const TARGETS = { 16: 2, 64: 4 }
const cpuPerWall = {}
const cpuMsPerDevice = {}

const listDevices = (count, from = 0) => Array.from({ length: count }, (_, i) => `d${from + i + 1}=${SIM_URL}`)

/** Times `work()`, keeping its CPU (all threads of the process) under `label`; the first WARMUP entries are the warm-up's. */
async function timeWithCpu(label, devices, work) {
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  const exitCodes = [await work()].flat()
  const ms = performance.now() - started
  if (exitCodes.some(code => code !== 0)) throw new Error(`${label}: exit codes ${exitCodes.join(', ')}`)
  const cpu = process.cpuUsage(cpuBefore)
  const cpuMs = (cpu.user + cpu.system) / 1000
  ;(cpuPerWall[label] ??= []).push(cpuMs / ms)
  ;(cpuMsPerDevice[label] ??= []).push(cpuMs / devices)
  return ms
}

function startWorkers(count) {
  return Array.from({ length: count }, () => new Worker(new URL('peers/scale-worker.mjs', import.meta.url)))
}

function runOnWorkers(workers, count) {
  const share = Math.ceil(count / workers.length)
  return Promise.all(
    workers.map(
      (worker, i) =>
        new Promise((resolve, reject) => {
          worker.once('message', resolve).once('error', reject)
          worker.postMessage({ suite: SUITE, devices: listDevices(Math.min(share, count - i * share), i * share) })
        }),
    ),
  )
}

const workers = startWorkers(THREADS)
const sides = COUNTS.map(count => ({
  label: String(count),
  run: () => timeWithCpu(String(count), count, () => runSuiteOn(SUITE, listDevices(count))),
}))
const threaded = `${MOST} on ${THREADS} threads`
if (THREADS > 0) sides.push({ label: threaded, run: () => timeWithCpu(threaded, MOST, () => runOnWorkers(workers, MOST)) })
let samples
try {
  samples = await interleave({ rounds: ROUNDS, warmup: WARMUP, sides })
} finally {
  for (const worker of workers) worker.postMessage({})
}
const peakRssMb = process.resourceUsage().maxRSS / 1024
const table = new Table(
  `scale: ${SUITE} on ${COUNTS.join(' / ')} simulated devices (${SIM_URL}), ${ROUNDS} interleaved rounds after warm-up`,
)
const side = label => ({ label, values: samples[label], unit: 'ms' })
const one = String(COUNTS[0])
for (const count of COUNTS.slice(1)) {
  table.ratio({
    name: `wall ${count} devices / wall ${one}`,
    a: side(String(count)),
    b: side(one),
    ratios: pairRatios(samples[String(count)], samples[one], (many, single) => many / single),
    target: { atMost: TARGETS[count] ?? count },
  })
}
if (THREADS > 0) {
  table.ratio({
    name: `wall ${MOST}: ${THREADS} worker threads / one loop`,
    a: side(threaded),
    b: side(String(MOST)),
    ratios: pairRatios(samples[threaded], samples[String(MOST)], (threads, loop) => threads / loop),
    target: { atMost: 0.75 },
  })
}
for (const { label } of sides) {
  table.figure({ name: `CPU ms per device at ${label}`, value: median(cpuMsPerDevice[label].slice(WARMUP)), unit: 'ms' })
  table.figure({ name: `CPU s per wall s at ${label}`, value: median(cpuPerWall[label].slice(WARMUP)), unit: '' })
}
table.limit({ name: `peak RSS (whole bench, at most ${MOST} devices)`, value: peakRssMb, unit: 'MB', target: { atMost: 500 } })
finish(table, args)
