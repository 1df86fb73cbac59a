import t from 'tap'
import fc from 'fast-check'
import { AtFramer, type FrameEvent, type FramerSettings } from '../../src/at/at-framer.js'
import { SIMCOM_CHAT_PROFILE } from '../../src/modem/families/simcom/chat-profile.js'
import { isPayloadLineAnnounced, readPayloadLength } from '../../src/modem/urc-rule.js'

const simcomSettings: FramerSettings = {
  prompt: '>',
  payloadLengthOf: line => readPayloadLength(line, SIMCOM_CHAT_PROFILE.urcs, SIMCOM_CHAT_PROFILE.maxPayloadBytes),
}

const cmtSettings: FramerSettings = {
  ...simcomSettings,
  isPayloadLineAnnounced: line => isPayloadLineAnnounced(line, SIMCOM_CHAT_PROFILE.urcs),
}

function frame(chunks: Array<string | Buffer>, settings: FramerSettings = simcomSettings): FrameEvent[] {
  const framer = new AtFramer(settings)
  return chunks.flatMap(chunk => framer.push(typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk))
}

function textOf(event: FrameEvent | undefined): string | undefined {
  return event === undefined || event.kind === 'too-long' ? undefined : event.text
}

function brief(events: FrameEvent[]): string[] {
  return events.map(event => `${event.kind}:${textOf(event) ?? ''}`)
}

function splitAt(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map(cut => cut % (bytes.length + 1)))].sort((a, b) => a - b)
  const chunks: Buffer[] = []
  let from = 0
  for (const point of points) {
    chunks.push(bytes.subarray(from, point))
    from = point
  }
  chunks.push(bytes.subarray(from))
  return chunks
}

t.test('frames response lines and skips the blank lines around them', async t => {
  t.same(brief(frame(['\r\n+CSQ: 23,0\r\n\r\nOK\r\n'])), ['line:+CSQ: 23,0', 'line:OK'])
})

t.test('tolerates bare CR and bare LF as line ends, and CR LF split across chunks', async t => {
  t.same(brief(frame(['A\rB\nC\r', '\nD\r\n'])), ['line:A', 'line:B', 'line:C', 'line:D'])
})

t.test('the echo of ATE1 ends with CR only, then the response starts with CR LF', async t => {
  t.same(brief(frame(['AT+CGMR\r\r\n+CGMR: LE20B04SIM7600M22\r\n\r\nOK\r\n'])), [
    'line:AT+CGMR',
    'line:+CGMR: LE20B04SIM7600M22',
    'line:OK',
  ])
})

t.test('SIMCom prompt: CR LF then > with no line end, byte by byte', async t => {
  const bytes = [...'AT+CMQTTTOPIC=0,9\r\r\n>'].map(ch => ch)
  t.same(brief(frame(bytes)), ['line:AT+CMQTTTOPIC=0,9', 'prompt:>'])
})

t.test('a space after a > prompt is tolerated; a "> " profile needs the space', async t => {
  t.same(brief(frame(['\r\n> ', '\r\nOK\r\n'])), ['prompt:>', 'line:OK'])
  const spaced = { ...simcomSettings, prompt: '> ' }
  t.same(brief(frame(['\r\n>', ' '], spaced)), ['prompt:> '])
  t.same(brief(frame(['\r\n>', 'x\r\n'], spaced)), ['line:>x'])
  t.same(brief(frame(['\r\n@'], { ...simcomSettings, prompt: '@' })), ['prompt:@'])
})

t.test('a URC right after the prompt, before the data, is framed as a line', async t => {
  t.same(brief(frame(['\r\n>+CMQTTNONET\r\n'])), ['prompt:>', 'line:+CMQTTNONET'])
})

t.test('payload URCs are read by length, even when the payload holds CR LF and OK', async t => {
  const payload = 'a\r\nOK\r\n\x00\xff>z'
  const wire = `\r\n+CMQTTRXSTART: 0,5,${payload.length}\r\n\r\n+CMQTTRXTOPIC: 0,5\r\nhello\r\n\r\n+CMQTTRXPAYLOAD: 0,${payload.length}\r\n${payload}\r\n\r\n+CMQTTRXEND: 0\r\n`
  const events = frame([...wire].map(ch => Buffer.from(ch, 'latin1')))
  t.same(
    events.map(event => event.kind),
    ['line', 'line', 'payload', 'line', 'payload', 'line'],
  )
  const payloadEvent = events[4]
  t.ok(payloadEvent?.kind === 'payload' && payloadEvent.bytes.equals(Buffer.from(payload, 'latin1')))
  t.equal(textOf(events[3]), `+CMQTTRXPAYLOAD: 0,${payload.length}`)
  t.equal(textOf(events[5]), '+CMQTTRXEND: 0')
})

t.test('an empty payload is an empty payload event', async t => {
  t.same(brief(frame(['\r\n+CMQTTRXPAYLOAD: 0,0\r\n\r\n+CMQTTRXEND: 0\r\n'])), [
    'line:+CMQTTRXPAYLOAD: 0,0',
    'payload:',
    'line:+CMQTTRXEND: 0',
  ])
})

t.test('a payload header with an absurd length is an ordinary line', async t => {
  t.same(brief(frame(['+CMQTTRXPAYLOAD: 0,99999999\r\nOK\r\n'])), ['line:+CMQTTRXPAYLOAD: 0,99999999', 'line:OK'])
})

t.test('a line longer than maxLineBytes is dropped with one too-long event, and framing goes on at its end', async t => {
  const events = frame(['x'.repeat(3), 'x'.repeat(7), 'y'.repeat(5), '\r\nOK\r\n'], { ...simcomSettings, maxLineBytes: 4 })
  t.same(
    events.map(event => event.kind),
    ['too-long', 'line'],
  )
  t.match(events[0], { kind: 'too-long', limitBytes: 4 })
  t.match(events[1], { text: 'OK' })
})

t.test('an endless line keeps nothing but the limit', async t => {
  const framer = new AtFramer({ ...simcomSettings, maxLineBytes: 1024 })
  const events: FrameEvent[] = []
  for (let i = 0; i < 200; i++) events.push(...framer.push(Buffer.alloc(4096, 0x41)))
  t.ok(framer.pendingBytes <= 1024)
  t.equal(events.filter(event => event.kind === 'too-long').length, 1)
})

t.test('keeps only the unfinished leftover', async t => {
  const framer = new AtFramer(simcomSettings)
  framer.push(Buffer.from('\r\nOK\r\n+CMQ'))
  t.equal(framer.pendingBytes, 4)
})

// ---- property tests ----

type Part = { kind: 'line'; text: string } | { kind: 'prompt' } | { kind: 'payloadUrc'; bytes: Buffer }

const lineText = fc
  .stringMatching(/^[A-Za-z0-9+:, "._-]{1,40}$/)
  .filter(text => !text.startsWith('>') && text.trim() === text && !text.startsWith('+CMQTTRX'))
const part: fc.Arbitrary<Part> = fc.oneof(
  { weight: 5, arbitrary: lineText.map(text => ({ kind: 'line' as const, text })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'prompt' as const }) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 64 }).map(bytes => ({ kind: 'payloadUrc' as const, bytes: Buffer.from(bytes) })) },
)

function serialise(parts: Part[]): Buffer {
  return Buffer.concat(
    parts.map(p => {
      if (p.kind === 'line') return Buffer.from(`\r\n${p.text}\r\n`, 'latin1')
      if (p.kind === 'prompt') return Buffer.from('\r\n>', 'latin1')
      return Buffer.concat([Buffer.from(`\r\n+CMQTTRXPAYLOAD: 0,${p.bytes.length}\r\n`, 'latin1'), p.bytes, Buffer.from('\r\n')])
    }),
  )
}

function expected(parts: Part[]): string[] {
  return parts.flatMap(p => {
    if (p.kind === 'line') return [`line:${p.text}`]
    if (p.kind === 'prompt') return ['prompt:>']
    return [`line:+CMQTTRXPAYLOAD: 0,${p.bytes.length}`, `payload:${p.bytes.toString('hex')}`]
  })
}

function describe(events: FrameEvent[]): string[] {
  return events.map(event => `${event.kind}:${event.kind === 'payload' ? event.bytes.toString('hex') : (textOf(event) ?? '')}`)
}

t.test('property: any conversation frames into its parts, however it is chunked', async t => {
  fc.assert(
    fc.property(fc.array(part, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 40 }), (parts, cuts) => {
      const wire = serialise(parts)
      const whole = describe(frame([wire]))
      const split = describe(frame(splitAt(wire, cuts)))
      return JSON.stringify(whole) === JSON.stringify(expected(parts)) && JSON.stringify(split) === JSON.stringify(whole)
    }),
    { numRuns: 500 },
  )
  t.pass('held for 500 generated conversations')
})

t.test('property: arbitrary bytes frame the same however chunked, and never throw', async t => {
  const settings = [simcomSettings, { ...simcomSettings, prompt: '> ', maxLineBytes: 16 }, { ...simcomSettings, prompt: '@' }]
  const noisy = fc.uint8Array({ maxLength: 300 }).map(bytes => Buffer.from(bytes))
  const atLike = fc
    .array(fc.constantFrom('\r', '\n', '>', ' ', 'OK', '+CMQTTRXPAYLOAD: 0,3', '+CMQTTRXTOPIC: 0,', '\x00', '\xff\xfe', '@', 'A'), {
      maxLength: 60,
    })
    .map(pieces => Buffer.from(pieces.join(''), 'latin1'))
  fc.assert(
    fc.property(fc.oneof(noisy, atLike), fc.array(fc.nat(), { maxLength: 30 }), fc.constantFrom(...settings), (wire, cuts, setting) => {
      const whole = describe(frame([wire], setting))
      const split = describe(frame(splitAt(wire, cuts), setting))
      return JSON.stringify(split) === JSON.stringify(whole)
    }),
    { numRuns: 1000 },
  )
  t.pass('held for 1000 byte strings')
})

t.test('malformed input: invalid UTF-8, NULs, a lone CR, a line just over 1 MiB', async t => {
  t.same(brief(frame([Buffer.from([0xc3, 0x28, 0x00, 0x0d])])).length, 1)
  t.same(frame(['\r']), [])
  const big = Buffer.alloc(1024 * 1024 + 10, 0x41)
  const events = frame([big.subarray(0, 300_000), big.subarray(300_000), '\r\nOK\r\n'])
  t.same(brief(events), ['too-long:', 'line:OK'], 'the over-long line is dropped, the next line is framed')
})

t.test('+CMT: the line after the header is its payload, even when it reads OK, > or nothing', async t => {
  const bytes = Buffer.from('\r\n+CMT: "+491709876543","","26/12/01,10:00:00+04"\r\nOK\r\n\r\n+CMT: "",3\r\n> \r\n\r\nOK\r\n')
  const expected = ['line:+CMT: "+491709876543","","26/12/01,10:00:00+04"', 'payload:OK', 'line:+CMT: "",3', 'payload:> ', 'line:OK']
  t.same(brief(frame([bytes], cmtSettings)), expected)
  fc.assert(
    fc.property(fc.array(fc.nat(), { maxLength: 6 }), cuts => {
      t.same(brief(frame(splitAt(bytes, cuts), cmtSettings)), expected)
    }),
    { numRuns: 200 },
  )
  t.same(brief(frame(['\r\n+CMT: "+49170","",""\r\n\r\n\r\nOK\r\n'], cmtSettings)), ['line:+CMT: "+49170","",""', 'payload:', 'line:OK'])
})

t.test('+CDS: only the PDU-mode form (one parameter) announces a payload line', async t => {
  t.same(brief(frame(['\r\n+CDS: 6,1,"+49170",145,"a","b",0\r\n\r\nOK\r\n'], cmtSettings)), [
    'line:+CDS: 6,1,"+49170",145,"a","b",0',
    'line:OK',
  ])
  t.same(brief(frame(['\r\n+CDS: 25\r\n0006\r\n'], cmtSettings)), ['line:+CDS: 25', 'payload:0006'])
  t.same(brief(frame(['\r\n+CMTI: "SM",3\r\nOK\r\n'], cmtSettings)), ['line:+CMTI: "SM",3', 'line:OK'])
})
