import t from 'tap'
import fc from 'fast-check'
import { type Chat, createChat } from '../../src/at/chat.js'
import { SIMCOM_CHAT_PROFILE } from '../../src/modem/families/simcom/chat-profile.js'
import type { ChatLine, ChatTranscriptEntry } from '../../src/at/chat-types.js'
import { openTransport } from '../../src/transport/open-transport.js'
import type { Transport } from '../../src/model/transport.js'
import { HandTransport } from '../helpers/hand-transport.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'

async function startChat(
  peer: ScriptedPeer,
  transcript?: (entry: ChatTranscriptEntry) => void,
): Promise<{ chat: Chat; transport: Transport }> {
  const transport = await openTransport('sim://scripted', { simPeer: () => peer })
  const chat = createChat(transport, { profile: SIMCOM_CHAT_PROFILE, ...(transcript ? { transcript } : {}) })
  return { chat, transport }
}

const kinds = (lines: ChatLine[]): string[] => lines.map(line => `${line.kind}:${line.text}`)
const activeTimers = (): number => process.getActiveResourcesInfo().filter(name => name === 'Timeout').length

t.test('a command with echo: the echo is recognised, the final result ends it', async t => {
  const peer = new ScriptedPeer({ echo: true }).on('AT+CGMR\r', '\r\n+CGMR: LE20B04SIM7600M22\r\n\r\nOK\r\n')
  const { chat } = await startChat(peer)
  const exchange = await chat.command('AT+CGMR', { timeoutMs: 5000 })
  t.equal(exchange.outcome, 'final')
  t.equal(exchange.final, 'OK')
  t.same(kinds(exchange.lines), ['echo:AT+CGMR', 'response:+CGMR: LE20B04SIM7600M22', 'final:OK'])
  t.same(peer.writes.map(String), ['AT+CGMR\r'], 'one write')
})

t.test('+CME ERROR and the other final result codes end a command', async t => {
  for (const final of [
    'ERROR',
    '+CME ERROR: SIM not inserted',
    '+CMS ERROR: 500',
    'NO CARRIER',
    'BUSY',
    'NO ANSWER',
    'NO DIALTONE',
    'CONNECT 115200',
  ]) {
    const peer = new ScriptedPeer().on('AT+X\r', `\r\n${final}\r\n`)
    const { chat } = await startChat(peer)
    const exchange = await chat.command('AT+X', { timeoutMs: 5000 })
    t.equal(exchange.final, final)
  }
})

t.test('a URC in the middle of a response is a URC, in the lines and in the buffer', async t => {
  const peer = new ScriptedPeer().on('AT+CMQTTSTART\r', '\r\n+CMQTTSTART: 0\r\n\r\nOK\r\n')
  const { chat } = await startChat(peer)
  const exchange = await chat.command('AT+CMQTTSTART', { timeoutMs: 5000 })
  t.same(kinds(exchange.lines), ['urc:+CMQTTSTART: 0', 'final:OK'])
  const wait = await chat.waitForUrc(urc => urc.text.startsWith('+CMQTTSTART:'), { timeoutMs: 10 })
  t.equal(wait.outcome, 'matched')
  t.equal(wait.urc?.text, '+CMQTTSTART: 0')
  t.same(chat.peekUrcs(), [], 'consumed')
})

t.test('the read form of a command owns its +X: lines', async t => {
  const peer = new ScriptedPeer().on('AT+CMQTTCONNECT?\r', '\r\n+CMQTTCONNECT: 0,"tcp://127.0.0.1:1883",60,1\r\n\r\nOK\r\n')
  const { chat } = await startChat(peer)
  const exchange = await chat.command('AT+CMQTTCONNECT?', { timeoutMs: 5000 })
  t.same(kinds(exchange.lines), ['response:+CMQTTCONNECT: 0,"tcp://127.0.0.1:1883",60,1', 'final:OK'])
  t.same(chat.peekUrcs(), [])
})

t.test('prompt, a URC before the data, exact data in one write, then OK', async t => {
  const peer = new ScriptedPeer().on('AT+CMQTTTOPIC=0,9\r', '\r\n>').on('dddrrrggg', '\r\nOK\r\n')
  const { chat } = await startChat(peer)
  const prompt = await chat.command('AT+CMQTTTOPIC=0,9', { timeoutMs: 5000 })
  t.equal(prompt.outcome, 'prompt')
  t.equal(prompt.final, '>')
  peer.send('\r\n+CMQTTPING: 0,1\r\n')
  await new Promise(resolve => setImmediate(resolve))
  const done = await chat.sendData(Buffer.from('dddrrrggg'), { end: 'none', timeoutMs: 5000 })
  t.equal(done.outcome, 'final')
  t.same(kinds(done.lines), ['final:OK'])
  t.same(peer.writes.map(String), ['AT+CMQTTTOPIC=0,9\r', 'dddrrrggg'])
  t.same(kinds(chat.takeUrcs()), ['urc:+CMQTTPING: 0,1'])
})

t.test('data ended with Ctrl-Z or ESC adds exactly that byte', async t => {
  const peer = new ScriptedPeer().on('\x1a', '\r\nOK\r\n').on('\x1b', '\r\nOK\r\n')
  const { chat } = await startChat(peer)
  await chat.sendData(Buffer.from('hi'), { end: 'ctrl-z', timeoutMs: 5000 })
  await chat.sendData(Buffer.from('no'), { end: 'esc', timeoutMs: 5000 })
  t.same(
    peer.writes.map(write => write.toString('hex')),
    ['68691a', '6e6f1b'],
  )
})

t.test('with echo on, echoed prompt data is recognised as echo', async t => {
  const peer = new ScriptedPeer({ echo: true }).on('AT+CMQTTPAYLOAD=0,2\r', '\r\n>').on('OK', '\r\nOK\r\n')
  const { chat } = await startChat(peer)
  await chat.command('AT+CMQTTPAYLOAD=0,2', { timeoutMs: 5000 })
  const done = await chat.sendData(Buffer.from('OK'), { end: 'none', timeoutMs: 5000 })
  t.same(kinds(done.lines), ['echo:OK', 'final:OK'])
})

t.test('a received message between OK and +CMQTTPUB: payloads by length, block kept in order', async t => {
  const payload = 'line one\r\nOK\r\nend'
  const block =
    `\r\n+CMQTTRXSTART: 0,13,${payload.length}\r\n\r\n+CMQTTRXTOPIC: 0,13\r\ndddrrrggghhhk\r\n` +
    `\r\n+CMQTTRXPAYLOAD: 0,${payload.length}\r\n${payload}\r\n\r\n+CMQTTRXEND: 0\r\n`
  const peer = new ScriptedPeer().on('AT+CMQTTPUB=0,1,60\r', `\r\nOK\r\n${block}\r\n+CMQTTPUB: 0,0\r\n`)
  const { chat } = await startChat(peer)
  const exchange = await chat.command('AT+CMQTTPUB=0,1,60', { timeoutMs: 5000 })
  t.same(kinds(exchange.lines), ['final:OK'])
  const pub = await chat.waitForUrc(urc => urc.text === '+CMQTTPUB: 0,0', { timeoutMs: 5000 })
  t.equal(pub.outcome, 'matched')
  t.same(kinds(chat.takeUrcs()), [
    `urc:+CMQTTRXSTART: 0,13,${payload.length}`,
    'urc:+CMQTTRXTOPIC: 0,13',
    'payload:dddrrrggghhhk',
    `urc:+CMQTTRXPAYLOAD: 0,${payload.length}`,
    `payload:${payload}`,
    'urc:+CMQTTRXEND: 0',
  ])
})

t.test('a timeout ends the wait, clears its timer, and a late final is recorded as late, not as a URC', async t => {
  const peer = new ScriptedPeer()
  const entries: ChatTranscriptEntry[] = []
  const { chat } = await startChat(peer, entry => entries.push(entry))
  const seen: ChatLine[] = []
  chat.onLine(line => seen.push(line))
  const timersBefore = activeTimers()
  const exchange = await chat.command('AT', { timeoutMs: 20 })
  t.equal(exchange.outcome, 'timeout')
  t.match(exchange.cause, /20 ms/)
  t.equal(activeTimers(), timersBefore)
  peer.send('\r\nOK\r\n')
  await new Promise(resolve => setImmediate(resolve))
  t.same(kinds(seen), ['late:OK'], 'a late final result is recorded, not lost')
  t.same(chat.peekUrcs(), [])
  t.ok(entries.some(entry => entry.dir === 'note' && String(entry.bytes).startsWith('late answer to `AT`')))
})

t.test('an AbortSignal cancels a command and a URC wait; an aborted signal cancels at once', async t => {
  const { chat } = await startChat(new ScriptedPeer())
  const controller = new AbortController()
  const pending = chat.command('AT', { timeoutMs: 60_000, signal: controller.signal })
  const urcPending = chat.waitForUrc(() => true, { timeoutMs: 60_000, signal: controller.signal })
  controller.abort(new Error('user interrupt'))
  const [exchange, urc] = await Promise.all([pending, urcPending])
  t.equal(exchange.outcome, 'cancelled')
  t.match(exchange.cause, /user interrupt/)
  t.equal(urc.outcome, 'cancelled')
  const already = await chat.command('AT', { timeoutMs: 60_000, signal: AbortSignal.abort() })
  t.equal(already.outcome, 'cancelled')
  t.equal(activeTimers(), 0)
})

t.test('an abort line ends a command and a URC wait at once', async t => {
  const peer = new ScriptedPeer().on('AT+CMQTTCONNECT=0,"tcp://x:1",60,1\r', '\r\n+CMQTTCONNLOST: 0,3\r\n')
  const { chat } = await startChat(peer)
  const isAbort = (line: string): boolean => line.startsWith('+CMQTTCONNLOST:')
  const urcWait = chat.waitForUrc(urc => urc.text.startsWith('+CMQTTCONNECT:'), { timeoutMs: 60_000, isAbort })
  const exchange = await chat.command('AT+CMQTTCONNECT=0,"tcp://x:1",60,1', { timeoutMs: 60_000, isAbort })
  t.equal(exchange.outcome, 'aborted')
  t.match(exchange.cause, /\+CMQTTCONNLOST: 0,3/)
  t.equal((await urcWait).outcome, 'aborted')
})

t.test('a drop mid-command ends every wait at once with its cause; later calls do not hang', async t => {
  const peer = new ScriptedPeer().on('AT+CMQTTSTOP\r', '\r\n+CMQ')
  const { chat } = await startChat(peer)
  const urcWait = chat.waitForUrc(() => false, { timeoutMs: 60_000 })
  const pending = chat.command('AT+CMQTTSTOP', { timeoutMs: 60_000 })
  peer.dropLink('modem reset')
  const exchange = await pending
  t.equal(exchange.outcome, 'dropped')
  t.equal(exchange.cause, 'modem reset')
  t.equal((await urcWait).outcome, 'dropped')
  t.equal((await chat.command('AT', { timeoutMs: 60_000 })).outcome, 'dropped')
  t.equal((await chat.waitForUrc(() => true, { timeoutMs: 60_000 })).outcome, 'dropped')
  t.equal(chat.drop?.cause, 'modem reset')
  t.equal(activeTimers(), 0)
})

t.test('a second command while one runs is a caller bug', async t => {
  const { chat } = await startChat(new ScriptedPeer())
  const pending = chat.command('AT', { timeoutMs: 10 })
  t.throws(() => chat.command('AT', { timeoutMs: 10 }), { code: 'chat-busy', runningCommand: 'AT' })
  await pending
})

t.test('a failed write ends the exchange as dropped', async t => {
  const transport = new HandTransport()
  transport.failWrites = true
  const chat = createChat(transport, { profile: SIMCOM_CHAT_PROFILE })
  const exchange = await chat.command('AT', { timeoutMs: 60_000 })
  t.equal(exchange.outcome, 'dropped')
  t.match(exchange.cause, /write failed/)
})

t.test('waitForUrc takes the oldest buffered match first, then new ones', async t => {
  const peer = new ScriptedPeer()
  const { chat } = await startChat(peer)
  peer.send('\r\nRDY\r\n\r\n+CPIN: READY\r\n\r\nSMS Ready\r\n')
  await new Promise(resolve => setImmediate(resolve))
  const first = await chat.waitForUrc(urc => urc.text.includes('Ready') || urc.text.includes('READY'), { timeoutMs: 10 })
  t.equal(first.urc?.text, '+CPIN: READY')
  const later = chat.waitForUrc(urc => urc.text === '+CMQTTNONET', { timeoutMs: 5000 })
  peer.send('\r\n+CMQTTNONET\r\n')
  t.equal((await later).urc?.text, '+CMQTTNONET')
  t.same(kinds([...chat.peekUrcs()]), ['urc:RDY', 'urc:SMS Ready'])
  t.equal((await chat.waitForUrc(() => false, { timeoutMs: 5 })).outcome, 'timeout')
})

t.test('the transcript holds every byte both ways, with monotonic times', async t => {
  const entries: ChatTranscriptEntry[] = []
  const peer = new ScriptedPeer({ echo: true }).on('AT\r', '\r\nOK\r\n')
  const { chat } = await startChat(peer, entry => entries.push(entry))
  await chat.command('AT', { timeoutMs: 5000 })
  await chat.command('AT', { timeoutMs: 5000 })
  const bytesOf = (dir: string): string => Buffer.concat(entries.filter(e => e.dir === dir).map(e => Buffer.from(e.bytes))).toString()
  t.equal(bytesOf('tx'), 'AT\rAT\r')
  t.equal(bytesOf('rx'), 'AT\r\r\nOK\r\nAT\r\r\nOK\r\n')
  t.ok(entries.every((entry, i) => i === 0 || entry.atMs >= (entries[i - 1]?.atMs ?? 0)))
  t.ok(entries.filter(e => e.dir === 'rx').length > 2, 'the peer sent in small chunks')
})

t.test('the transcript notes why a wait ended early', async t => {
  const entries: ChatTranscriptEntry[] = []
  const { chat } = await startChat(new ScriptedPeer(), entry => entries.push(entry))
  await chat.command('AT', { timeoutMs: 5 })
  t.match(
    entries.filter(e => e.dir === 'note').map(e => String(e.bytes)),
    [/^timeout: /],
  )
})

t.test('property: a conversation gives the same exchange however the modem chunks it', async t => {
  const urcLines = ['+CMQTTCONNLOST: 0,3', '+CMQTTNONET', 'RDY', '+CPIN: READY', '+CMQTTPING: 0,1']
  const item = fc.oneof(
    fc.constantFrom(...urcLines).map(text => `\r\n${text}\r\n`),
    fc
      .stringMatching(/^[A-Z0-9 ,:]{1,20}$/)
      .filter(text => text.trim() === text && !/^(OK|ERROR|BUSY|NO |CONNECT|RDY|\+)/.test(text))
      .map(text => `\r\n${text}\r\n`),
    fc
      .uint8Array({ maxLength: 20 })
      .map(bytes =>
        Buffer.concat([Buffer.from(`\r\n+CMQTTRXPAYLOAD: 0,${bytes.length}\r\n`), Buffer.from(bytes), Buffer.from('\r\n')]).toString(
          'latin1',
        ),
      ),
  )
  await fc.assert(
    fc.asyncProperty(
      fc.array(item, { maxLength: 12 }),
      fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }),
      async (items, sizes) => {
        const reply = Buffer.from(`AT+CMQTTDISC=0,60\r${items.join('')}\r\nOK\r\n`, 'latin1')
        const whole = await runChunked(reply, [reply.length])
        const split = await runChunked(reply, sizes)
        return JSON.stringify(whole) === JSON.stringify(split)
      },
    ),
    { numRuns: 200 },
  )
  t.pass('held for 200 conversations')
})

async function runChunked(reply: Buffer, sizes: number[]): Promise<unknown> {
  const transport = new HandTransport()
  const chat = createChat(transport, { profile: SIMCOM_CHAT_PROFILE })
  const pending = chat.command('AT+CMQTTDISC=0,60', { timeoutMs: 5000 })
  for (let at = 0, i = 0; at < reply.length; i++) {
    const size = sizes[i % sizes.length] ?? 1
    transport.receive(reply.subarray(at, at + size))
    at += size
  }
  const exchange = await pending
  const describe = (line: ChatLine): string => `${line.kind}:${line.bytes?.toString('hex') ?? line.text}`
  return { outcome: exchange.outcome, lines: exchange.lines.map(describe), urcs: chat.takeUrcs().map(describe) }
}

t.test('arbitrary bytes while a command runs never throw', async t => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async bytes => {
      const transport = new HandTransport()
      const chat = createChat(transport, { profile: SIMCOM_CHAT_PROFILE })
      const pending = chat.command('AT', { timeoutMs: 1 })
      transport.receive(Buffer.from(bytes))
      const exchange = await pending
      return ['final', 'prompt', 'timeout'].includes(exchange.outcome)
    }),
    { numRuns: 200 },
  )
  t.pass('held for 200 byte strings')
})

t.test('a family final result code ends a command for that family only: Quectel SEND OK / SEND FAIL after prompt data', async t => {
  const { QUECTEL_CHAT_PROFILE } = await import('../../src/modem/families/quectel/chat-profile.js')
  const quectel = new ScriptedPeer()
    .on('AT+QISEND=0,5\r', '\r\n> ')
    .on('hello', '\r\nSEND OK\r\n')
    .on('AT+QISEND=1,3\r', '\r\n> ')
    .on('bye', '\r\nSEND FAIL\r\n')
  const transport = await openTransport('sim://scripted', { simPeer: () => quectel })
  const chat = createChat(transport, { profile: QUECTEL_CHAT_PROFILE })
  t.equal((await chat.command('AT+QISEND=0,5', { timeoutMs: 5000 })).outcome, 'prompt')
  const sent = await chat.sendData(Buffer.from('hello'), { end: 'none', timeoutMs: 5000 })
  t.equal(sent.outcome, 'final')
  t.same(kinds(sent.lines), ['final:SEND OK'])
  t.equal((await chat.command('AT+QISEND=1,3', { timeoutMs: 5000 })).outcome, 'prompt')
  const failed = await chat.sendData(Buffer.from('bye'), { end: 'none', timeoutMs: 5000 })
  t.same(kinds(failed.lines), ['final:SEND FAIL'])
  const simcom = new ScriptedPeer().on('AT+X\r', '\r\nSEND OK\r\n\r\nOK\r\n')
  const { chat: simcomChat } = await startChat(simcom)
  const other = await simcomChat.command('AT+X', { timeoutMs: 5000 })
  t.same(kinds(other.lines), ['response:SEND OK', 'final:OK'], 'SIMCom has no SEND OK final')
})
