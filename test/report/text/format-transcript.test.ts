import t from 'tap'
import fc from 'fast-check'
import {
  formatBytesAsHex,
  formatBytesAsText,
  formatElapsedMs,
  formatTranscriptAsText,
  formatTranscriptEntry,
  sliceStepTranscript,
} from '../../../src/report/text/format-transcript.js'
import { failingRun, seedPassRun } from '../fixtures/runs.js'

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1')

t.test('bytes as text escape CR, LF, TAB, backslash and control bytes', async t => {
  t.equal(formatBytesAsText(bytes('\r\nOK\r\n')), '\\r\\nOK\\r\\n')
  t.equal(formatBytesAsText(bytes('a\tb\\c')), 'a\\tb\\\\c')
  t.equal(formatBytesAsText(bytes('\u0000\u001a\u001b\u007f')), '\\x00<CTRL-Z><ESC>\\x7f')
  t.equal(formatBytesAsText(Buffer.from('설정', 'utf8')), '설정', 'valid UTF-8 is shown as characters')
  t.equal(formatBytesAsText(Buffer.from([0x41, 0xff, 0x42])), 'A\\x??B', 'an invalid byte is marked (the hex shows it)')
})

t.test('escaped text never contains a raw control character', async () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), data => {
      return !/[\u0000-\u001f\u007f]/.test(formatBytesAsText(data))
    }),
  )
})

t.test('bytes as hex are lowercase pairs separated by spaces', async t => {
  t.equal(formatBytesAsHex(bytes('AT\r')), '41 54 0d')
  t.equal(formatBytesAsHex(new Uint8Array([0, 255])), '00 ff')
  t.equal(formatBytesAsHex(new Uint8Array()), '')
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), data => {
      const hex = formatBytesAsHex(data)
      return Buffer.from(hex.replace(/ /g, ''), 'hex').equals(Buffer.from(data))
    }),
  )
})

t.test('times are seconds since the start with milliseconds', async t => {
  t.equal(formatElapsedMs(0), '+0.000')
  t.equal(formatElapsedMs(12345), '+12.345')
  t.equal(formatElapsedMs(-5), '+0.000')
})

t.test('an entry is decoded from base64; a note is shown as written', async t => {
  const rx = formatTranscriptEntry({ atMs: 1500, dir: 'rx', data: Buffer.from('\r\nOK\r\n').toString('base64') })
  t.same(rx, { time: '+1.500', dir: 'rx', text: '\\r\\nOK\\r\\n', hex: '0d 0a 4f 4b 0d 0a' })
  const note = formatTranscriptEntry({ atMs: 2, dir: 'note', data: 'port closed' })
  t.same(note, { time: '+0.002', dir: 'note', text: 'port closed', hex: '' })
})

t.test("a step's slice is its [from, to) range of the run transcript, clamped", async t => {
  const record = seedPassRun()
  const step = record.steps[0]!
  t.same(sliceStepTranscript(record, step), record.transcript.slice(step.transcript.from, step.transcript.to))
  t.same(sliceStepTranscript(record, { ...step, transcript: { from: 5, to: 5 } }), [])
  t.equal(sliceStepTranscript(record, { ...step, transcript: { from: -3, to: 1e9 } }).length, record.transcript.length)
})

t.test('the plain-text transcript has one line per entry with time and direction', async t => {
  const record = failingRun()
  const step = record.steps.find(s => s.no === '6')!
  const text = formatTranscriptAsText(sliceStepTranscript(record, step))
  t.match(text, /^\+\d+\.\d{3} tx {3}AT\+CMQTTCONNECT=0,"tcp:\/\/127\.0\.0\.1:8883",60,1\\r$/m)
  t.match(text, /^\+\d+\.\d{3} rx {3}\\r\\n\+CMQTTCONNECT: 0,11\\r\\n$/m)
  t.equal(text.split('\n').length, step.transcript.to - step.transcript.from)
})
