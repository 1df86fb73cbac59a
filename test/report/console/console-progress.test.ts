/** The console's lines: marks per step and a summary whose counts agree with the verdict. */
import t from 'tap'
import { ConsoleProgress, countForConsole } from '../../../src/report/console/console-progress.js'
import type { RunRecord, StepResult } from '../../../src/model/run-record.js'
import { formatDiffText } from '../../../src/report/diff/format-diff-text.js'
import { diffRuns } from '../../../src/diff/diff-runs.js'
import { failingRun, hostileRun, seedPassRun } from '../fixtures/runs.js'

function step(no: string, status: StepResult['status'], kind?: 'todo'): StepResult {
  return {
    phase: 'steps',
    no,
    action: 'AT',
    actionKind: kind === 'todo' ? 'todo' : 'send',
    expected: [],
    received: [],
    status,
    ...(kind ? { failure: { kind } } : {}),
    startedAtMs: 0,
    durationMs: 1,
    attempts: status === 'skipped' ? 0 : 1,
    captures: {},
    unexpectedUrcs: [],
    transcript: { from: 0, to: 0 },
    at: { file: 'x.yaml', line: 1, col: 1 },
  }
}

function record(status: RunRecord['status'], steps: StepResult[], endReason?: string): RunRecord {
  return {
    schemaVersion: 1,
    atseqVersion: 'test',
    sequence: { name: 's', file: 'x.yaml', sha256: '0', tags: [] },
    device: { url: 'sim://simcom-a76xx', settings: {}, identity: {} },
    commandLine: [],
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
    status,
    exitCode: status === 'passed' ? 0 : 1,
    ...(endReason ? { endReason } : {}),
    counts: { passed: 0, failed: 0, errored: 0, skipped: 0 },
    steps,
    transcript: [],
  }
}

t.test('todo steps are marked TODO and counted as todo, not as errored', async t => {
  let out = ''
  const progress = new ConsoleProgress({ color: false, write: text => (out += text) })
  const todo = step('2', 'errored', 'todo')
  progress.stepEnded(todo)
  progress.sequenceEnded(record('errored', [step('1', 'passed'), todo]), [])
  t.match(out, /^ {2}TODO 2 /m)
  t.match(out, /1 passed, 0 failed, 0 errored, 1 todo, 0 skipped/)
})

t.test('a run that errored outside its steps counts one error, so the counts agree with ERRORED', async t => {
  const counts = countForConsole(record('errored', [step('1', 'skipped'), step('2', 'skipped')], 'cannot open'))
  t.same(counts, { passed: 0, failed: 0, errored: 1, skipped: 2, todo: 0 })
})

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

t.test('step and run durations use the one display formatter', async t => {
  let out = ''
  const progress = new ConsoleProgress({ color: false, write: text => (out += text) })
  progress.stepEnded({ ...step('6', 'failed'), durationMs: 29982.601066, reason: 'no matching URC within 10.0 s' })
  progress.sequenceEnded({ ...record('failed', [step('6', 'failed')]), durationMs: 31_004.2 }, [])
  t.match(out, /\(30\.0 s\)\n/)
  t.match(out, / in 31\.0 s\n/)
  t.notMatch(out, /\d\.\d{3,}/, 'no raw fractions of a millisecond')
})

t.test('--quiet prints failing steps and the summary, with the sequence name first, and no passing step', async t => {
  let out = ''
  const progress = new ConsoleProgress({ color: false, quiet: true, write: text => (out += text) })
  progress.sequenceStarted(0, 1, 'quiet one', 'q.yaml')
  progress.stepEnded(step('1', 'passed'))
  t.equal(out, '', 'nothing yet: the step passed')
  progress.stepEnded({ ...step('2', 'failed'), reason: 'expected OK' })
  progress.sequenceEnded(record('failed', [step('1', 'passed'), step('2', 'failed')]), [])
  const lines = out.trimEnd().split('\n')
  t.match(lines[0], /^quiet one \(q\.yaml\)$/)
  t.match(lines[1], /^ {2}FAIL 2 /)
  t.notMatch(out, /PASS 1/)
  t.match(out, /FAILED/)
})

t.test('--verbose prints each transcript entry in its escaped form; a note cannot drive the terminal', async t => {
  let out = ''
  const progress = new ConsoleProgress({ color: false, verbose: true, write: text => void (out += text) })
  progress.transcriptEntry({ atMs: 12, dir: 'tx', data: Buffer.from('AT+CSQ\r').toString('base64') })
  progress.transcriptEntry({ atMs: 20, dir: 'rx', data: Buffer.from('\r\n+CSQ: 20,99\x1b[2J\r\n').toString('base64') })
  progress.transcriptEntry({ atMs: 30, dir: 'note', data: 'modem said \x1b[31mred' })
  t.match(out, /^ +\+ +0\.012s tx {2}AT\+CSQ\\r\n/)
  t.match(out, /rx {2}\\r\\n\+CSQ: 20,99<ESC>\[2J\\r\\n\n/)
  t.match(out, /-- {2}modem said \\x1b\[31mred\n/)
  t.notMatch(out, /\x1b/, 'no raw escape reaches the terminal')
  let quiet = ''
  new ConsoleProgress({ color: false, write: text => void (quiet += text) }).transcriptEntry({ atMs: 1, dir: 'tx', data: 'QVQ=' })
  t.equal(quiet, '', 'without verbose nothing is printed')
})
