import t from 'tap'
import { showControlCharsForTerminal } from '../../../src/report/text/show-control-chars.js'

t.test('what a terminal would act on becomes visible and inert; tab and printable text stay', async t => {
  t.equal(showControlCharsForTerminal('\u001b[2J\u0007x\ry\nz\tw'), '\\x1b[2J\\x07x\\x0dy\\x0az\tw')
  t.equal(showControlCharsForTerminal('\u009b31m\u007f'), '\\x9b31m\\x7f', 'C1 CSI and DEL')
  t.equal(showControlCharsForTerminal('abc\u202edef\u200b'), 'abc\\u202edef\\u200b', 'bidi override and zero-width space')
  t.equal(showControlCharsForTerminal('+CSQ: 23,99 — ü'), '+CSQ: 23,99 — ü')
})
