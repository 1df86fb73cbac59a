/**
 * The framer at its edges: the very first bytes of a stream, prompts other than `>`, the line limit to the byte,
 * what a dropped line's tail may not become, payloads in progress and the in-line payload header bound.
 */
import t from 'tap'
import { AtFramer, type FrameEvent, type FramerSettings } from '../../src/at/at-framer.js'
import { QUECTEL_CHAT_PROFILE } from '../../src/modem/families/quectel/chat-profile.js'
import { SIMCOM_CHAT_PROFILE } from '../../src/modem/families/simcom/chat-profile.js'
import { isPayloadLineAnnounced, readInLinePayloadLength, readPayloadLength } from '../../src/modem/urc-rule.js'

const simcom: FramerSettings = {
  prompt: SIMCOM_CHAT_PROFILE.prompt,
  payloadLengthOf: line => readPayloadLength(line, SIMCOM_CHAT_PROFILE.urcs, SIMCOM_CHAT_PROFILE.maxPayloadBytes),
  isPayloadLineAnnounced: line => isPayloadLineAnnounced(line, SIMCOM_CHAT_PROFILE.urcs),
}

const quectel: FramerSettings = {
  prompt: QUECTEL_CHAT_PROFILE.prompt,
  payloadLengthOf: line => readPayloadLength(line, QUECTEL_CHAT_PROFILE.urcs, QUECTEL_CHAT_PROFILE.maxPayloadBytes),
  inLinePayloadLengthOf: line => readInLinePayloadLength(line, QUECTEL_CHAT_PROFILE.urcs, QUECTEL_CHAT_PROFILE.maxPayloadBytes),
}

function frame(chunks: Array<string | Buffer>, settings: FramerSettings): FrameEvent[] {
  const framer = new AtFramer(settings)
  return chunks.flatMap(chunk => framer.push(typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk))
}

function brief(events: FrameEvent[]): string[] {
  return events.map(event => (event.kind === 'too-long' ? 'too-long' : `${event.kind}:${event.text}`))
}

const QMTRECV = '+QMTRECV: 0,1,"t",4,"a\r\nb"'

t.test('the first bytes of a stream, with no line end before them', async t => {
  t.same(brief(frame(['>'], simcom)), ['prompt:>'], 'a prompt')
  t.same(brief(frame([' OK\r\n'], simcom)), ['line: OK'], 'a leading space is part of the line')
  t.same(brief(frame([`${QMTRECV}\r\nOK\r\n`], quectel)), [`line:${QMTRECV}`, 'line:OK'], 'an in-line payload')
})

t.test('the prompt is matched byte for byte as latin1', async t => {
  t.same(brief(frame([Buffer.from([0x0d, 0x0a, 0xbb])], { ...simcom, prompt: '\xbb' })), ['prompt:\xbb'])
})

t.test('a prompt that ends with a space tolerates no further space after it', async t => {
  t.same(brief(frame(['\r\n>  x\r\n'], { ...simcom, prompt: '> ' })), ['prompt:> ', 'line: x'])
})

t.test('only a space at the end of the prompt is its own: a prompt with a space inside tolerates one after it', async t => {
  t.same(brief(frame(['\r\n@ > x\r\n'], { ...simcom, prompt: '@ >' })), ['prompt:@ >', 'line:x'])
})

t.test('a line of exactly maxLineBytes is kept, one byte more is dropped', async t => {
  t.same(brief(frame(['\r\nABCD\r\nABCDE\r\nOK\r\n'], { ...simcom, maxLineBytes: 4 })), ['line:ABCD', 'too-long', 'line:OK'])
})

t.test('the tail of a dropped line is never a prompt, whatever it starts with', async t => {
  t.same(brief(frame(['xxxxxx', '>yy\r\nOK\r\n'], { ...simcom, maxLineBytes: 4 })), ['too-long', 'line:OK'])
})

t.test('a prompt right after a dropped line is a prompt, whatever the line end between them', async t => {
  // A line end while dropping starts a new line, and every line starts as a possible prompt.
  for (const end of ['\r', '\n']) {
    t.same(brief(frame(['xxxxxx', `${end}>`], { ...simcom, maxLineBytes: 4 })), ['too-long', 'prompt:>'], JSON.stringify(end))
  }
})

t.test('the tail of a dropped line is not kept, quotes in it included', async t => {
  t.same(brief(frame(['xxxxxxxxxx', 'a"b\r\nOK\r\n'], { ...quectel, maxLineBytes: 8 })), ['too-long', 'line:OK'])
})

t.test('after a dropped line, the next line reads its in-line payload, whatever the line end between them', async t => {
  for (const end of ['\r\n', '\r', '\n']) {
    t.same(brief(frame(['x'.repeat(100), `${end}${QMTRECV}\r\nOK\r\n`], { ...quectel, maxLineBytes: 64 })), [
      'too-long',
      `line:${QMTRECV}`,
      'line:OK',
    ])
  }
})

t.test('a quote that makes a line too long starts no in-line payload', async t => {
  // A rule that gives every quote a payload: only the quote's own line is asked about, and it is dropped.
  const everyQuote: FramerSettings = { ...simcom, inLinePayloadLengthOf: () => 2, maxLineBytes: 4 }
  t.same(brief(frame(['abcd"xy\r\nOK\r\n'], everyQuote)), ['too-long', 'line:OK'])
})

t.test('maxLineBytes 0 drops every line, a quote at a line start included, and framing moves on', async t => {
  t.same(brief(frame(['A\r\n"B\r\n'], { ...quectel, maxLineBytes: 0 })), ['too-long', 'too-long'])
})

t.test('an in-line payload header is watched for quotes up to 4 KiB and no further', async t => {
  const headerOf = (bytes: number): string => {
    const prefix = '+QMTRECV: 0,1,"'
    const suffix = '",5,'
    return `${prefix}${'t'.repeat(bytes - prefix.length - suffix.length)}${suffix}`
  }
  const atBound = headerOf(4096)
  t.same(brief(frame([atBound, '"a\r\nbc"\r\n'], quectel)), [`line:${atBound}"a\r\nbc"`])
  const pastBound = headerOf(4097)
  t.same(brief(frame([pastBound, '"a\r\nbc"\r\n'], quectel)), [`line:${pastBound}"a`, 'line:bc"'])
})

t.test('pendingBytes counts the payload read so far', async t => {
  const framer = new AtFramer(simcom)
  framer.push(Buffer.from('\r\n+CMQTTRXPAYLOAD: 0,5\r\n'))
  t.equal(framer.pendingBytes, 0)
  framer.push(Buffer.from('ab'))
  framer.push(Buffer.from('c'))
  t.equal(framer.pendingBytes, 3)
})

t.test('an empty payload is complete with its header line', async t => {
  const framer = new AtFramer(simcom)
  t.same(brief(framer.push(Buffer.from('\r\n+CMQTTRXPAYLOAD: 0,0\r\n'))), ['line:+CMQTTRXPAYLOAD: 0,0', 'payload:'])
})

t.test('with bare LF line ends, an empty line after +CMT is its empty text', async t => {
  t.same(brief(frame(['\n+CMT: "+49170","",""\n\nOK\n'], simcom)), ['line:+CMT: "+49170","",""', 'payload:', 'line:OK'])
})
