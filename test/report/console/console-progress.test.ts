import t from 'tap'
import { ConsoleProgress } from '../../../src/report/console/console-progress.js'
import { formatDiffText } from '../../../src/report/diff/format-diff-text.js'
import { diffRuns } from '../../../src/diff/diff-runs.js'
import { failingRun, hostileRun, seedPassRun } from '../fixtures/runs.js'

const ESC = '\u001b'

t.test("on a colour TTY the modem's escape sequences are shown escaped; only atseq's own colours are live", async t => {
  let out = ''
  const progress = new ConsoleProgress({ color: true, write: text => (out += text) })
  const record = failingRun()
  const step = { ...record.steps[0]!, status: 'failed' as const, action: `AT+X${ESC}]0;owned\u0007`, reason: `got \`${ESC}[2J${ESC}[31m\`` }
  progress.stepEnded(step)
  progress.sequenceEnded({ ...record, endReason: `drop ${ESC}c` }, [])
  t.match(out, '\\x1b[2J')
  t.match(out, '\\x1b]0;owned\\x07')
  t.match(out, 'drop \\x1bc')
  const live = [...out.matchAll(/\u001b\[[0-9;]*m/g)].map(m => m[0])
  t.ok(live.length > 0, 'atseq still colours its marks')
  t.notMatch(out.replace(/\u001b\[[0-9;]*m/g, ''), /[\u0000-\u0008\u000b-\u001f\u007f]/, 'no other control byte reaches the terminal')
})

t.test('atseq diff prints no raw control byte', async t => {
  const hostile = hostileRun()
  const text = formatDiffText(diffRuns(seedPassRun(), hostile, { a: 'a.json', b: 'b.json' })).join('\n')
  t.notMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
})
