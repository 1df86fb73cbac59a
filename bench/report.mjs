// Report rendering at 100, 1,000 and 10,000 steps: the HTML report vs the JSON report of the same run record, in
// interleaved rounds. The HTML page carries its view as JSON in a script block, so serialising the record is its
// floor; ratio = HTML ms / JSON ms, each the mean of a sample that repeats the render up to about 10,000 steps'
// worth. Also the HTML size, with a limit at 10,000 steps.
// Options: --sizes=100,1000,10000, --rounds=<n> (default 5), --json.
import { renderHtmlReport } from '../dist/report/html/render-html-report.js'
import { renderJsonReport } from '../dist/report/json/render-json-report.js'
import { generateLargeRun } from '../test/report/fixtures/large-run.mjs'
import { Table, finish, interleave, pairRatios, parseArgs, timeMs } from './harness.mjs'

const args = parseArgs()
const SIZES = String(args.sizes ?? '100,1000,10000')
  .split(',')
  .map(Number)
const ROUNDS = Number(args.rounds ?? 5)
const MB = 1024 * 1024

const table = new Table(`report: rendering a run record, ${ROUNDS} interleaved rounds per size`)
for (const steps of SIZES) {
  const record = generateLargeRun(steps)
  // Small records render in well under a millisecond: each sample repeats the render so that it takes about as long
  // as one of 10,000 steps and a single pause of the machine does not decide the round.
  const repeat = Math.max(1, Math.round(10_000 / steps))
  let html = ''
  let json = ''
  const timeRepeated = render =>
    timeMs(() => {
      for (let i = 0; i < repeat; i++) render()
    }).then(ms => ms / repeat)
  const samples = await interleave({
    rounds: ROUNDS,
    sides: [
      { label: 'html', run: () => timeRepeated(() => (html = renderHtmlReport(record))) },
      { label: 'json', run: () => timeRepeated(() => (json = renderJsonReport(record))) },
    ],
  })
  table.ratio({
    name: `${steps} steps: HTML ms / JSON ms`,
    a: { label: 'html', values: samples.html, unit: 'ms' },
    b: { label: 'json', values: samples.json, unit: 'ms' },
    ratios: pairRatios(samples.html, samples.json, (h, j) => h / j),
    target: { atMost: 3 },
  })
  const htmlMb = Buffer.byteLength(html) / MB
  const note = `JSON ${(Buffer.byteLength(json) / MB).toFixed(2)} MB`
  if (steps === 10_000) table.limit({ name: `${steps} steps: HTML size`, value: htmlMb, unit: 'MB', target: { atMost: 10 }, note })
  else table.figure({ name: `${steps} steps: HTML size`, value: htmlMb, unit: 'MB', note })
}
finish(table, args)
