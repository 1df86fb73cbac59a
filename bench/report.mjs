// Time and size of rendering the reports of a 10,000-step run (targets: HTML under 1 s and under 10 MB).
// Uses the built tree: run `npx tsc -p .` first (`npm run bench` does).
import { renderHtmlReport } from '../dist/report/html/render-html-report.js'
import { renderJsonReport } from '../dist/report/json/render-json-report.js'
import { renderJunitReport } from '../dist/report/junit/render-junit-report.js'
import { generateLargeRun } from '../test/report/fixtures/large-run.mjs'

const STEPS = Number(process.env.ATSEQ_BENCH_STEPS ?? 10_000)
const ROUNDS = 5
const TARGET_MS = 1000
const TARGET_BYTES = 10 * 1024 * 1024

const record = generateLargeRun(STEPS)
renderHtmlReport(generateLargeRun(50)) // compile the template and warm up outside the measurement

function measure(render) {
  const times = []
  let output = ''
  for (let round = 0; round < ROUNDS; round++) {
    const started = process.hrtime.bigint()
    output = render()
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  times.sort((a, b) => a - b)
  return { medianMs: times[Math.floor(times.length / 2)], bytes: Buffer.byteLength(output) }
}

const mb = bytes => (bytes / 1024 / 1024).toFixed(2)
const line = (name, { medianMs, bytes }, withTargets) => {
  const ratios = withTargets
    ? `  time ${(medianMs / TARGET_MS).toFixed(2)}x of ${TARGET_MS} ms, size ${(bytes / TARGET_BYTES).toFixed(2)}x of ${mb(TARGET_BYTES)} MB`
    : ''
  console.log(`${name.padEnd(6)} ${medianMs.toFixed(0).padStart(6)} ms  ${mb(bytes).padStart(7)} MB${ratios}`)
}

console.log(`report rendering, ${record.steps.length} steps, ${record.transcript.length} transcript entries (median of ${ROUNDS})`)
const html = measure(() => renderHtmlReport(record))
line('html', html, true)
line(
  'junit',
  measure(() => renderJunitReport([record])),
  false,
)
line(
  'json',
  measure(() => renderJsonReport(record)),
  false,
)
if (html.medianMs > TARGET_MS || html.bytes > TARGET_BYTES) {
  console.log('html report: over target')
  process.exitCode = 1
}
