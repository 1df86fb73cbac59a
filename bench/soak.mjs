// Soak: many runs of a generated sequence on the in-process simulator in one process (a fresh simulated modem and
// chat per run, as a suite does), 100,000 steps in all. RSS and heap are read after a full GC at the start, after the
// warm-up runs and at the end; the growth from warm-up to end must stay under 10 MB. At the end no timer, socket or
// listener of the runs may be left: `process.getActiveResourcesInfo()` must hold nothing the start did not.
// Options: --steps=<total> (default 100000), --per-run=<steps> (default 100), --json.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { Table, finish, parseArgs, timeMs } from './harness.mjs'
import { loadGeneratedSequence, openSimChat, runOnSim } from './sim-run.mjs'

const args = parseArgs()
const TOTAL_STEPS = Number(args.steps ?? 100_000)
const PER_RUN = Number(args['per-run'] ?? 100)
const RUNS = Math.ceil(TOTAL_STEPS / PER_RUN)
const WARMUP_RUNS = Math.max(1, Math.floor(RUNS / 10))
const MB = 1024 * 1024

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc')

function readMemory() {
  gc()
  gc()
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
const atStart = readMemory()
const runAll = async (from, to) => {
  for (let run = from; run < to; run++) {
    const session = await openSimChat()
    try {
      await runOnSim(session, sequence)
    } finally {
      await session.close()
    }
  }
}
const warmupMs = await timeMs(() => runAll(0, WARMUP_RUNS))
const afterWarmup = readMemory()
const soakMs = await timeMs(() => runAll(WARMUP_RUNS, RUNS))
// Closed handles leave the list on the next turn of the event loop.
await new Promise(resolve => setImmediate(resolve))
const atEnd = readMemory()
const leftovers = listLeftovers(resourcesAtStart, process.getActiveResourcesInfo())

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
  note: `warm-up ${(warmupMs / 1000).toFixed(1)} s`,
})
table.limit({ name: 'RSS growth after warm-up', value: atEnd.rssMb - afterWarmup.rssMb, unit: 'MB', target: { atMost: 10 } })
table.limit({ name: 'heap growth after warm-up', value: atEnd.heapMb - afterWarmup.heapMb, unit: 'MB', target: { atMost: 10 } })
table.limit({
  name: 'resources left at the end',
  value: leftovers.length,
  unit: '',
  target: { atMost: 0 },
  ...(leftovers.length > 0 ? { note: leftovers.join(', ') } : {}),
})
finish(table, args)
