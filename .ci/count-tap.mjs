// Reads a TAP stream on stdin (tap -R tap), echoes it, and ends with one line
// `N passed, N failed, N skipped` counting the tests inside each test file.
import { Parser } from 'tap-parser'

const totals = { pass: 0, fail: 0, skip: 0 }
const failures = []
const parser = new Parser()

// A test that passed but skipped something inside (t.skip, a skipped assertion or nested subtest) did not run
// all it says: it counts as skipped, not passed.
function watchSkips(parser, mark) {
  parser.on('assert', point => {
    if (point.skip || point.todo) mark()
  })
  parser.on('child', child => watchSkips(child, mark))
}

parser.on('child', file => {
  const skippedInside = new Set()
  let passedWithSkips = 0
  file.on('child', test => watchSkips(test, () => skippedInside.add(test.name)))
  file.on('assert', point => {
    if (point.ok && !point.skip && !point.todo && skippedInside.has(point.name)) passedWithSkips += 1
  })
  file.on('complete', results => {
    totals.pass += results.pass - results.skip - results.todo - passedWithSkips
    totals.fail += results.fail
    totals.skip += results.skip + results.todo + passedWithSkips
    for (const failure of results.failures) failures.push(`${file.name}: ${failure.name}`)
  })
})
parser.on('complete', results => {
  // A file that crashed before its plan shows up only as a failed point of the top level.
  const crashed = results.failures.filter(f => !failures.some(line => line.startsWith(`${f.name}:`)))
  totals.fail += crashed.length
  for (const failure of crashed) failures.push(`${failure.name}: failed to run`)
  if (failures.length > 0) process.stdout.write(`\nFailed:\n${failures.map(line => `  ${line}`).join('\n')}\n`)
  process.stdout.write(`\n${totals.pass} passed, ${totals.fail} failed, ${totals.skip} skipped\n`)
})
process.stdin.on('data', chunk => process.stdout.write(chunk))
process.stdin.pipe(parser)
