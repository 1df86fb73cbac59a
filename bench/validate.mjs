// `atseq validate` of 1,000 seed-sized files as a fresh process vs its floor, also a fresh process: the `yaml`
// package's parseDocument and the compiled ajv validator over the same files on the same number of threads
// (bench/peers/validate-floor.mjs). Interleaved rounds; ratio = atseq ms / floor ms. Also files/s cold (the fresh
// process, start-up included) and warm (checkSequenceFiles again in this process, schema compiled, JIT warm).
// Options: --files=<n> (default 1000), --rounds=<n> (default 3), --json, --baseline=<another build's cli/main.js>: that
// build's `atseq validate` as a third side in the same rounds, to tell a change from a change of load.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { checkSequenceFiles } from '../dist/sequence/index.js'
import { chooseWorkerCount } from '../dist/sequence/check-pool.js'
import { Table, finish, interleave, median, pairRatios, parseArgs, timeMs } from './harness.mjs'

const args = parseArgs()
const FILES = Number(args.files ?? 1000)
const ROUNDS = Number(args.rounds ?? 3)
const seed = readFileSync(new URL('../sequences/simcom/mqtts-not-verify-server.yaml', import.meta.url), 'utf8')
const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url))
const floor = fileURLToPath(new URL('peers/validate-floor.mjs', import.meta.url))
const baseline = args.baseline === undefined ? undefined : String(args.baseline)

/** The seed with its own name, topic and payload, plus a few extra polling steps. */
function generateSequence(i) {
  const extra = Array.from({ length: i % 7 }, (_, k) =>
    [
      `  - no: "${20 + k}"`,
      '    send: AT+CSQ',
      "    expect: ['/^\\+CSQ: (?<rssi>\\d+),(?<ber>\\d+)$/', OK]",
      `    retry: { times: ${k + 1}, every: 500ms }`,
      `    description: poll ${k}`,
    ].join('\n'),
  ).join('\n')
  return seed
    .replace('sequence: MQTTS - Not Verify Server', `sequence: generated ${i}`)
    .replace('pub_topic: dddrrrggghhhk', `pub_topic: topic/${i}`)
    .replace(/payload: "\d+"/, `payload: "${String(i).padStart(60, '7')}"`)
    .replace(/\nteardown:/, `\n${extra}\n\nteardown:`)
}

function timeProcess(argv) {
  const started = performance.now()
  const out = spawnSync(process.execPath, argv, { encoding: 'utf8', timeout: 120_000 })
  const ms = performance.now() - started
  if (out.status !== 0) throw new Error(`${argv.join(' ')} exited ${out.status}: ${out.stderr}${out.stdout.slice(0, 500)}`)
  return ms
}

async function timeWarm(dir) {
  let checks = []
  const ms = await timeMs(async () => {
    checks = await checkSequenceFiles([dir])
  })
  if (checks.length !== FILES || checks.some(check => !check.valid)) throw new Error('a generated file is not valid')
  return ms
}

const dir = mkdtempSync(join(tmpdir(), 'atseq-bench-validate-'))
try {
  for (let i = 0; i < FILES; i++) writeFileSync(join(dir, `seq-${String(i).padStart(4, '0')}.yaml`), generateSequence(i))
  const workers = chooseWorkerCount(FILES, {})
  const samples = await interleave({
    rounds: ROUNDS,
    sides: [
      { label: 'atseq', run: () => timeProcess([cli, 'validate', dir]) },
      { label: 'floor', run: () => timeProcess([floor, dir, String(workers)]) },
      ...(baseline === undefined ? [] : [{ label: 'baseline', run: () => timeProcess([baseline, 'validate', dir]) }]),
    ],
  })
  const warm = []
  for (let round = 0; round < 1 + ROUNDS; round++) warm.push(await timeWarm(dir))
  const table = new Table(`validate: ${FILES} seed-sized files, this thread + ${workers} worker thread(s), ${ROUNDS} interleaved rounds`)
  table.ratio({
    name: 'atseq validate ms / parser floor ms (fresh)',
    a: { label: 'atseq', values: samples.atseq, unit: 'ms' },
    b: { label: 'floor', values: samples.floor, unit: 'ms' },
    ratios: pairRatios(samples.atseq, samples.floor, (atseq, parser) => atseq / parser),
    target: { atMost: 1.2 },
  })
  if (baseline !== undefined) {
    const ratios = pairRatios(samples.atseq, samples.baseline, (atseq, before) => atseq / before)
    table.figure({
      name: 'atseq ms / baseline build ms (fresh)',
      value: median(ratios),
      unit: 'median of pairs',
      note: `best ${Math.min(...ratios).toFixed(2)}; baseline median ${median(samples.baseline).toFixed(0)} ms`,
    })
  }
  const perSecond = ms => (FILES / ms) * 1000
  table.figure({ name: 'files/s cold (fresh process, median)', value: perSecond(median(samples.atseq)), unit: 'files/s' })
  // The benchmark issue's stretch goal (all of them in under 1 s cold) would take a second parser ahead of `yaml`;
  // docs/performance.md says why there is none. A figure, so that the gap stays in view.
  table.figure({
    name: `${FILES} files cold (fresh process, median)`,
    value: median(samples.atseq) / 1000,
    unit: 's',
    note: 'stretch goal < 1 s: no fast parser path',
  })
  table.figure({ name: 'files/s warm (in process, best after the first)', value: perSecond(Math.min(...warm.slice(1))), unit: 'files/s' })
  table.figure({ name: 'first in-process run (schema compile, JIT cold)', value: warm[0], unit: 'ms' })
  finish(table, args)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
