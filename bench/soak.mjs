// Soak: many runs of a generated sequence on the in-process simulator in one process (a fresh simulated modem and
// chat per run, as a suite does), 100,000 steps in all. Memory is read after a full GC at the start, after the warm-up
// runs, and every SAMPLE_EVERY runs after that. A single reading of RSS swings by 5-15 MB from one GC to the next
// (V8 returns freed pages to the system on a background thread, malloc keeps freed arenas) while the heap stays flat,
// so one reading at the end against one after warm-up measured that swing rather than a leak. Each reading now waits
// SETTLE_MS after its GC, and growth is the Theil-Sen trend of all samples (the median of the slopes between every
// pair of samples) times the runs after warm-up: a steady leak shows at its full size, one odd sample moves nothing.
// The target is 10 MB for that growth. At the end no timer, socket or listener of the runs may be left:
// `process.getActiveResourcesInfo()` must hold nothing the start did not.
// Options: --steps=<total> (default 100000), --per-run=<steps> (default 100), --sample-every=<runs> (default a
// twentieth of the runs), --settle=<ms> (default 300), --json.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { Table, finish, median, parseArgs } from './harness.mjs'
import { loadGeneratedSequence, openSimChat, runOnSim } from './sim-run.mjs'

const args = parseArgs()
const TOTAL_STEPS = Number(args.steps ?? 100_000)
const PER_RUN = Number(args['per-run'] ?? 100)
const RUNS = Math.ceil(TOTAL_STEPS / PER_RUN)
const WARMUP_RUNS = Math.max(1, Math.floor(RUNS / 10))
const MB = 1024 * 1024
const SAMPLE_EVERY = Number(args['sample-every'] ?? Math.max(1, Math.floor(RUNS / 20)))
const SETTLE_MS = Number(args.settle ?? 300)

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc')

async function readMemory() {
  gc()
  gc()
  await new Promise(resolve => setTimeout(resolve, SETTLE_MS))
  const { rss, heapUsed } = process.memoryUsage()
  return { rssMb: rss / MB, heapMb: heapUsed / MB }
}

/** Resources in `after` beyond those in `before` (both lists of resource type names). */
function listLeftovers(before, after) {
  const left = [...before]
  return after.filter(name => {
    const at = left.indexOf(name)
    if (at < 0) return true
    left.splice(at, 1)
    return false
  })
}

const sequence = loadGeneratedSequence(PER_RUN)
const resourcesAtStart = process.getActiveResourcesInfo()
const atStart = await readMemory()
/** Runs `from` to `to`, reading memory every SAMPLE_EVERY runs; returns the time spent in runs only, in ms. */
const runAll = async (from, to, samples) => {
  let runMs = 0
  for (let run = from; run < to; run++) {
    const began = performance.now()
    const session = await openSimChat()
    try {
      await runOnSim(session, sequence)
    } finally {
      await session.close()
    }
    runMs += performance.now() - began
    if (samples && (run - from + 1) % SAMPLE_EVERY === 0) samples.push({ run: run + 1, ...(await readMemory()) })
  }
  return runMs
}
const warmupMs = await runAll(0, WARMUP_RUNS)
const afterWarmup = await readMemory()
const samples = [{ run: WARMUP_RUNS, ...afterWarmup }]
const soakMs = await runAll(WARMUP_RUNS, RUNS, samples)
// Closed handles leave the list on the next turn of the event loop.
await new Promise(resolve => setImmediate(resolve))
const atEnd = await readMemory()
const leftovers = listLeftovers(resourcesAtStart, process.getActiveResourcesInfo())
/** Theil-Sen: the median slope over all pairs of samples, times the runs they span, for `key` of the samples. */
const growth = key => {
  const slopes = []
  for (let i = 0; i < samples.length; i++)
    for (let j = i + 1; j < samples.length; j++) slopes.push((samples[j][key] - samples[i][key]) / (samples[j].run - samples[i].run))
  return median(slopes) * (RUNS - WARMUP_RUNS)
}
const spread = key => {
  const values = samples.map(m => m[key])
  return Math.max(...values) - Math.min(...values)
}

const table = new Table(`soak: ${RUNS * PER_RUN} steps in ${RUNS} runs of ${PER_RUN} on the in-process simulator, one process`)
table.figure({ name: 'RSS at start', value: atStart.rssMb, unit: 'MB', note: `heap ${atStart.heapMb.toFixed(1)} MB` })
table.figure({
  name: `RSS after warm-up (${WARMUP_RUNS} runs)`,
  value: afterWarmup.rssMb,
  unit: 'MB',
  note: `heap ${afterWarmup.heapMb.toFixed(1)} MB`,
})
table.figure({ name: 'RSS at the end', value: atEnd.rssMb, unit: 'MB', note: `heap ${atEnd.heapMb.toFixed(1)} MB` })
table.figure({
  name: 'steps per second after warm-up',
  value: ((RUNS - WARMUP_RUNS) * PER_RUN) / (soakMs / 1000),
  unit: 'steps/s',
  note: `warm-up ${(warmupMs / 1000).toFixed(1)} s; a forced GC every ${SAMPLE_EVERY} runs costs about a third of it`,
})
table.limit({
  name: 'RSS growth after warm-up',
  value: growth('rssMb'),
  unit: 'MB',
  target: { atMost: 10 },
  note: `trend of ${samples.length} samples after GC; they span ${spread('rssMb').toFixed(1)} MB`,
})
table.limit({
  name: 'heap growth after warm-up',
  value: growth('heapMb'),
  unit: 'MB',
  target: { atMost: 10 },
  note: `samples span ${spread('heapMb').toFixed(1)} MB`,
})
table.limit({
  name: 'resources left at the end',
  value: leftovers.length,
  unit: '',
  target: { atMost: 0 },
  ...(leftovers.length > 0 ? { note: leftovers.join(', ') } : {}),
})
finish(table, args)
