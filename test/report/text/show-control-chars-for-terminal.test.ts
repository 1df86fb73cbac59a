import t from 'tap'
import { showControlCharsForTerminal } from '../../../src/report/text/show-control-chars.js'

t.test('what a terminal would act on becomes visible and inert; tab and printable text stay', async t => {
  t.equal(showControlCharsForTerminal('\u001b[2J\u0007x\ry\nz\tw'), '\\x1b[2J\\x07x\\x0dy\\x0az\tw')
  t.equal(showControlCharsForTerminal('\u009b31m\u007f'), '\\x9b31m\\x7f', 'C1 CSI and DEL')
  t.equal(showControlCharsForTerminal('abc\u202edef\u200b'), 'abc\\u202edef\\u200b', 'bidi override and zero-width space')
  t.equal(showControlCharsForTerminal('+CSQ: 23,99 — ü'), '+CSQ: 23,99 — ü')
})

t.test('the edges of each range a terminal acts on: the range end is shown, the neighbour outside kept', async t => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['\u0000', '\\x00'],
    ['\u0008', '\\x08'],
    ['\u0009', '\u0009'],
    ['\u000a', '\\x0a'],
    ['\u001f', '\\x1f'],
    ['\u0020', '\u0020'],
    ['\u007e', '\u007e'],
    ['\u007f', '\\x7f'],
    ['\u009f', '\\x9f'],
    ['\u00a0', '\u00a0'],
    ['\u00ff', '\u00ff'],
    ['\u200a', '\u200a'],
    ['\u200b', '\\u200b'],
    ['\u200f', '\\u200f'],
    ['\u2010', '\u2010'],
    ['\u2029', '\u2029'],
    ['\u202a', '\\u202a'],
    ['\u202e', '\\u202e'],
    ['\u202f', '\u202f'],
    ['\u2065', '\u2065'],
    ['\u2066', '\\u2066'],
    ['\u2069', '\\u2069'],
    ['\u206a', '\u206a'],
    ['\ufeff', '\\ufeff'],
  ]
  for (const [input, shown] of cases) t.equal(showControlCharsForTerminal(`a${input}b`), `a${shown}b`, input.charCodeAt(0).toString(16))
})
