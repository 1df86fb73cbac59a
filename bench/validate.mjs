// Validating 1,000 generated sequence files from disk (read, YAML with positions, schema, model, templates) through
// checkSequenceFiles with its default options, the code path of `atseq validate <folder>` (worker threads included).
// Target: all 1,000 in under 1 s on a 2-core machine. Uses the built tree: run `npx tsc -p .` first (`npm run bench` does).
// Also prints the same files on one thread (workers: 0), the per-file cost the threads share.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkSequenceFiles } from '../dist/sequence/index.js'
import { chooseWorkerCount } from '../dist/sequence/check-pool.js'

const FILES = Number(process.env.ATSEQ_BENCH_FILES ?? 1000)
const TARGET_MS = 1000
const seed = readFileSync(new URL('../sequences/simcom/mqtts-not-verify-server.yaml', import.meta.url), 'utf8')

/** A varied sequence: the seed with its own name, topic and payload, plus a few extra polling steps. */
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

const dir = mkdtempSync(join(tmpdir(), 'atseq-bench-validate-'))
try {
  for (let i = 0; i < FILES; i++) writeFileSync(join(dir, `seq-${String(i).padStart(4, '0')}.yaml`), generateSequence(i))
  const timeRounds = async options => {
    const runs = []
    for (let round = 0; round < 3; round++) {
      const started = process.hrtime.bigint()
      const checks = await checkSequenceFiles([dir], options)
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      const invalid = checks.filter(c => !c.valid).length
      if (checks.length !== FILES || invalid > 0)
        throw new Error(`expected ${FILES} valid files, got ${checks.length} with ${invalid} invalid`)
      runs.push(ms)
    }
    const [cold, ...warm] = runs
    return { cold, best: Math.min(...warm), rounds: warm.length }
  }
  const figures = ms =>
    `${ms.toFixed(0)} ms = ${((FILES / ms) * 1000).toFixed(0)} files/s  ${(ms / TARGET_MS).toFixed(2)}x of the ${TARGET_MS} ms target`
  const load = loadavg()[0]
  const defaults = await timeRounds(undefined)
  const oneThread = await timeRounds({ workers: 0 })
  const bytes = FILES * Buffer.byteLength(generateSequence(1))
  console.log(
    `validate: ${FILES} files (~${(bytes / 1024 / 1024).toFixed(1)} MB of YAML), ${availableParallelism()} cores, load average ${load.toFixed(2)} at start`,
  )
  console.log(`  this thread + ${chooseWorkerCount(FILES, {})} worker thread(s), as atseq validate runs:`)
  console.log(`    first run (schema compiled, templates parsed): ${figures(defaults.cold)}`)
  console.log(`    warm run (best of ${defaults.rounds}): ${figures(defaults.best)}`)
  console.log(
    `  one thread (workers: 0), warm, best of ${oneThread.rounds}: ${oneThread.best.toFixed(0)} ms = ${(oneThread.best / FILES).toFixed(2)} ms per file`,
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
