import t from 'tap'
import { escapeBytes, formatTranscriptLine } from '../../src/record/transcript-text.js'

t.test('printable text, UTF-8 included, is shown as it is', async t => {
  t.equal(escapeBytes(Buffer.from('+CSQ: 23,99 "Zürich" 📶')), '+CSQ: 23,99 "Zürich" 📶')
})

t.test('line ends, tabs, Ctrl-Z, ESC and the backslash have their names', async t => {
  t.equal(escapeBytes(Buffer.from('a\r\nb\tc\x1a\x1b\\d')), 'a\\r\\nb\\tc<CTRL-Z><ESC>\\\\d')
})

t.test('other control bytes show as hex, DEL included', async t => {
  t.equal(escapeBytes(Buffer.from([0x00, 0x41, 0x07, 0x7f, 0x1f])), '\\x00A\\x07\\x7f\\x1f')
})

t.test('bytes that are not UTF-8 show as \\x?? each, around valid text', async t => {
  t.equal(escapeBytes(Buffer.from([0x4f, 0xff, 0x4b, 0xc3])), 'O\\x??K\\x??')
})

t.test('a slice of a larger buffer shows only its own bytes', async t => {
  const whole = Buffer.from('xxOK\r\nyy')
  t.equal(escapeBytes(whole.subarray(2, 6)), 'OK\\r\\n')
})

t.test('a transcript line has the time, the direction and the escaped bytes', async t => {
  const data = Buffer.from('OK\r\n').toString('base64')
  t.equal(formatTranscriptLine({ atMs: 1234.5, dir: 'rx', data }), '+    1.234s rx  OK\\r\\n')
  t.equal(formatTranscriptLine({ atMs: 0, dir: 'note', data: 'phase main' }), '+    0.000s --  phase main')
})
