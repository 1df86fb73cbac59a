/**
 * Quectel's `+QMTRECV` with msg_len_enable carries its payload inside the line, after its length:
 * `+QMTRECV: <idx>,<msgID>,"<topic>",<len>,"<payload>"` (and `<idx>,<recv_id>,<msgID>,...` from AT+QMTRECV).
 * The chat reads those bytes by length, so CR LF and OK inside them neither end the line nor the command.
 */
import t from 'tap'
import fc from 'fast-check'
import { AtFramer, type FrameEvent, type FramerSettings } from '../../src/at/at-framer.js'
import { createChat } from '../../src/at/chat.js'
import type { ChatLine } from '../../src/at/chat-types.js'
import { QUECTEL_CHAT_PROFILE } from '../../src/modem/families/quectel/chat-profile.js'
import { SIMCOM_CHAT_PROFILE } from '../../src/modem/families/simcom/chat-profile.js'
import { readInLinePayloadLength, readPayloadLength } from '../../src/modem/urc-rule.js'
import { openTransport } from '../../src/transport/open-transport.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'

const { urcs, maxPayloadBytes } = QUECTEL_CHAT_PROFILE
const quectelSettings: FramerSettings = {
  prompt: QUECTEL_CHAT_PROFILE.prompt,
  payloadLengthOf: line => readPayloadLength(line, urcs, maxPayloadBytes),
  inLinePayloadLengthOf: line => readInLinePayloadLength(line, urcs, maxPayloadBytes),
}

function frame(chunks: Buffer[], settings: FramerSettings = quectelSettings): FrameEvent[] {
  const framer = new AtFramer(settings)
  return chunks.flatMap(chunk => framer.push(chunk))
}

function bytesOf(text: string): Buffer {
  return Buffer.from(text, 'latin1')
}

/** Each byte in a chunk of its own: the worst split a serial port can give. */
function byteByByte(text: string): Buffer[] {
  return [...bytesOf(text)].map(byte => Buffer.from([byte]))
}

function linesOf(events: FrameEvent[]): string[] {
  return events.map(event => (event.kind === 'line' ? event.bytes.toString('latin1') : `${event.kind}!`))
}

const PAYLOAD = 'a\r\nOK\r\nb'
const PUSHED = `+QMTRECV: 0,3,"cert/rx/crlf",${PAYLOAD.length},"${PAYLOAD}"`

t.test('a pushed +QMTRECV with a length is one line, CR LF and OK inside it included, however it is split', async t => {
  const wire = `\r\n${PUSHED}\r\n\r\nOK\r\n`
  t.same(linesOf(frame([bytesOf(wire)])), [PUSHED, 'OK'])
  t.same(linesOf(frame(byteByByte(wire))), [PUSHED, 'OK'])
})

t.test('the buffered read form (idx, recv_id, msgID) is read by length too', async t => {
  const read = `+QMTRECV: 2,4,7,"t",${PAYLOAD.length},"${PAYLOAD}"`
  t.same(linesOf(frame(byteByByte(`\r\n${read}\r\n\r\nOK\r\n`))), [read, 'OK'])
})

t.test('the length counts bytes: quotes, a Ctrl-Z and non-ASCII bytes inside the payload are payload', async t => {
  const payload = Buffer.from('"x",5,"\x1a\r\n\xff', 'latin1')
  const line = Buffer.concat([bytesOf(`+QMTRECV: 0,0,"t",${payload.length},"`), payload, bytesOf('"')])
  const events = frame([bytesOf('\r\n'), line, bytesOf('\r\n\r\nOK\r\n')])
  t.equal(events.length, 2)
  t.ok(events[0]?.kind === 'line' && events[0].bytes.equals(line), 'the exact bytes')
})

t.test('without a length, a payload line ends at its first CR or LF (the form cannot be framed)', async t => {
  const wire = '\r\n+QMTRECV: 0,3,"t","a\r\nOK\r\nb"\r\n'
  t.same(linesOf(frame([bytesOf(wire)])), ['+QMTRECV: 0,3,"t","a', 'OK', 'b"'])
})

t.test('a topic holding ,5, is not a length; a length above the profile limit is not read', async t => {
  t.equal(readInLinePayloadLength('+QMTRECV: 0,3,"a,5,"', urcs, maxPayloadBytes), undefined)
  t.equal(readInLinePayloadLength('+QMTRECV: 0,3,"a,5,",2,"', urcs, maxPayloadBytes), 2)
  t.equal(readInLinePayloadLength('+QMTRECV: 0,3,"t",99999999,"', urcs, maxPayloadBytes), undefined)
  t.equal(readInLinePayloadLength('+QMTSTAT: 0,1,"t",5,"', urcs, maxPayloadBytes), undefined, 'only +QMTRECV carries one')
  t.equal(readInLinePayloadLength('+QMTRECV: 0,3,"t",5,"', SIMCOM_CHAT_PROFILE.urcs, maxPayloadBytes), undefined)
})

t.test('a second quoted length later in the same line is plain text', async t => {
  const line = '+QMTRECV: 0,3,"t",2,"ab",3,"x'
  t.same(linesOf(frame(byteByByte(`\r\n${line}\r\nOK\r\n`))), [line, 'OK'])
})

t.test('property: +QMTRECV lines with any payload frame whole and the same however chunked', async t => {
  const message = fc.record({
    topic: fc.stringMatching(/^[a-z/,]{1,12}$/),
    payload: fc.uint8Array({ maxLength: 40 }).map(bytes => Buffer.from(bytes)),
  })
  fc.assert(
    fc.property(fc.array(message, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 30 }), (messages, cuts) => {
      const lines = messages.map(m => Buffer.concat([bytesOf(`+QMTRECV: 0,1,"${m.topic}",${m.payload.length},"`), m.payload, bytesOf('"')]))
      const wire = Buffer.concat(lines.flatMap(line => [bytesOf('\r\n'), line, bytesOf('\r\n')]))
      const points = [...new Set(cuts.map(cut => cut % (wire.length + 1)))].sort((a, b) => a - b)
      const chunks = [...points, wire.length].map((end, i) => wire.subarray(i === 0 ? 0 : points[i - 1], end))
      const got = frame(chunks).map(event => (event.kind === 'line' ? event.bytes.toString('hex') : event.kind))
      return JSON.stringify(got) === JSON.stringify(lines.map(line => line.toString('hex')))
    }),
    { numRuns: 300 },
  )
  t.pass('held for 300 generated message series')
})

t.test('a long line full of quotes frames in linear time: quotes past the first 4 KiB are not looked at', async t => {
  const line = `+QMTRECV: 0,1,${'"x"'.repeat(200_000)}`
  const startedMs = performance.now()
  const events = frame([bytesOf(`\r\n${line}\r\nOK\r\n`)])
  t.same(
    linesOf(events).map(text => text.length),
    [line.length, 2],
  )
  t.ok(performance.now() - startedMs < 2000, 'well under the time a quadratic scan would take')
})

const kinds = (lines: ChatLine[]): string[] => lines.map(line => `${line.kind}:${line.text}`)

t.test('chat: a pushed payload holding OK does not end the running command', async t => {
  const peer = new ScriptedPeer().on('AT+CSQ\r', `\r\n${PUSHED}\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n`)
  const transport = await openTransport('sim://scripted', { simPeer: () => peer })
  t.teardown(() => transport.close())
  const chat = createChat(transport, { profile: QUECTEL_CHAT_PROFILE })
  const exchange = await chat.command('AT+CSQ', { timeoutMs: 2000 })
  t.equal(exchange.outcome, 'final')
  t.same(kinds(exchange.lines), [`urc:${PUSHED}`, 'response:+CSQ: 20,99', 'final:OK'])
  const wait = await chat.waitForUrc(urc => urc.text.startsWith('+QMTRECV:'), { timeoutMs: 100 })
  t.equal(wait.urc?.text, PUSHED, 'the URC keeps its whole payload')
})

t.test('chat: AT+QMTRECV in buffer mode reads a payload holding OK and ends at the real OK', async t => {
  const read = `+QMTRECV: 0,0,3,"t",${PAYLOAD.length},"${PAYLOAD}"`
  const peer = new ScriptedPeer().on('AT+QMTRECV=0,0\r', `\r\n${read}\r\n\r\nOK\r\n`)
  const transport = await openTransport('sim://scripted', { simPeer: () => peer })
  t.teardown(() => transport.close())
  const chat = createChat(transport, { profile: QUECTEL_CHAT_PROFILE })
  const exchange = await chat.command('AT+QMTRECV=0,0', { timeoutMs: 2000 })
  t.equal(exchange.final, 'OK')
  t.same(
    exchange.lines.map(line => line.text),
    [read, 'OK'],
  )
})
