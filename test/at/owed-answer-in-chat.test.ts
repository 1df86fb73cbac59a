/**
 * What the chat does while a final result code is owed, and around it: the next write waits for it (or for the
 * settle time, or a cancel), a late final frees that write at once, URCs stay URCs, and echo ends the owing.
 * Also the causes and notes a step reports when an exchange ends, and lines that arrive with nothing running.
 */
import t from 'tap'
import { type Chat, createChat } from '../../src/at/chat.js'
import type { ChatLine, ChatTranscriptEntry } from '../../src/at/chat-types.js'
import type { ChatSettings } from '../../src/at/chat-settings.js'
import { SIMCOM_CHAT_PROFILE } from '../../src/modem/families/simcom/chat-profile.js'
import { HandTransport } from '../helpers/hand-transport.js'

const kinds = (lines: readonly ChatLine[]): string[] => lines.map(line => `${line.kind}:${line.text}`)

function startChat(settings: Partial<ChatSettings> = {}): { chat: Chat; transport: HandTransport; notes: string[] } {
  const transport = new HandTransport()
  const notes: string[] = []
  const transcript = (entry: ChatTranscriptEntry): void => {
    if (entry.dir === 'note') notes.push(String(entry.bytes))
  }
  return { chat: createChat(transport, { profile: SIMCOM_CHAT_PROFILE, transcript, ...settings }), transport, notes }
}

/** Waits (bounded) until the chat has written `count` times. */
async function untilWritten(transport: HandTransport, count: number): Promise<void> {
  for (let i = 0; i < 200 && transport.writes.length < count; i++) await new Promise(resolve => setTimeout(resolve, 1))
}

const written = (transport: HandTransport): string[] => transport.writes.map(String)

t.test('a cancel while the next command waits to settle ends it as cancelled, never written', async t => {
  const { chat, transport } = startChat()
  t.equal((await chat.command('AT+A', { timeoutMs: 1 })).outcome, 'timeout')
  const controller = new AbortController()
  const next = chat.command('AT+B', { timeoutMs: 5000, settleMs: 5000, signal: controller.signal })
  controller.abort(new Error('interrupt'))
  const exchange = await next
  t.equal(exchange.outcome, 'cancelled')
  t.equal(exchange.cause, 'cancelled: interrupt')
  t.same(exchange.lines, [])
  t.same(written(transport), ['AT+A\r'])
})

t.test('a late final while the next command waits frees it at once, with no settle note', async t => {
  const { chat, transport, notes } = startChat()
  t.equal((await chat.command('AT+A', { timeoutMs: 1 })).outcome, 'timeout')
  const next = chat.command('AT+B', { timeoutMs: 5000, settleMs: 5000 })
  transport.receive('\r\nOK\r\n')
  await untilWritten(transport, 2)
  t.same(written(transport), ['AT+A\r', 'AT+B\r'], 'written well before the settle time')
  transport.receive('\r\nERROR\r\n')
  const exchange = await next
  t.equal(exchange.final, 'ERROR')
  t.same(kinds(exchange.lines), ['final:ERROR'])
  t.ok(notes.some(note => note.startsWith('late answer to `AT+A`')))
  t.notOk(
    notes.some(note => note.includes('no late answer')),
    'the settle did not run out',
  )
})

t.test('a late final with nothing waiting lets the next command go without a settle', async t => {
  const { chat, transport, notes } = startChat()
  t.equal((await chat.command('AT+A', { timeoutMs: 1 })).outcome, 'timeout')
  transport.receive('\r\nOK\r\n')
  const next = chat.command('AT+B', { timeoutMs: 5000, settleMs: 5000 })
  await untilWritten(transport, 2)
  t.same(written(transport), ['AT+A\r', 'AT+B\r'])
  transport.receive('\r\nOK\r\n')
  t.equal((await next).final, 'OK')
  t.notOk(notes.some(note => note.includes('no late answer')))
})

t.test('a URC while a final is owed stays a URC', async t => {
  const { chat, transport, notes } = startChat()
  t.equal((await chat.command('AT+A', { timeoutMs: 1 })).outcome, 'timeout')
  transport.receive('\r\n+CMQTTPING: 0,1\r\n')
  t.same(kinds(chat.peekUrcs()), ['urc:+CMQTTPING: 0,1'])
  t.notOk(notes.some(note => note.startsWith('late answer')))
})

t.test('with echo on, lines before the next command echo are late; the echo ends the owing', async t => {
  const { chat, transport, notes } = startChat()
  const first = chat.command('AT', { timeoutMs: 1000 })
  transport.receive('AT\r\r\nOK\r\n')
  t.equal((await first).final, 'OK')
  t.equal((await chat.command('AT+CSQ', { timeoutMs: 1 })).outcome, 'timeout')
  const next = chat.command('AT+B', { timeoutMs: 1000, settleMs: 1 })
  await untilWritten(transport, 3)
  transport.receive('\r\n+CSQ: 20,99\r\nAT+B\r\r\nOK\r\n')
  const exchange = await next
  t.equal(exchange.outcome, 'final')
  t.same(kinds(exchange.lines), ['echo:AT+B', 'final:OK'])
  t.ok(notes.some(note => note.startsWith('late answer to `AT+CSQ`') && note.endsWith('+CSQ: 20,99')))
})

t.test('with echo on, prompt data with no lines to echo is answered even while a final is owed', async t => {
  const { chat, transport } = startChat()
  const first = chat.command('AT', { timeoutMs: 1000 })
  transport.receive('AT\r\r\nOK\r\n')
  await first
  t.equal((await chat.command('AT+A', { timeoutMs: 1 })).outcome, 'timeout')
  const data = chat.sendData(Buffer.alloc(0), { end: 'ctrl-z', timeoutMs: 1000, settleMs: 1 })
  await untilWritten(transport, 3)
  transport.receive('\r\nOK\r\n')
  const exchange = await data
  t.equal(exchange.outcome, 'final')
  t.same(kinds(exchange.lines), ['final:OK'])
})

t.test('after an abort line the final is still owed: it arrives late, not as a URC', async t => {
  const { chat, transport, notes } = startChat()
  const pending = chat.command('AT+CMQTTCONNECT=0,"tcp://127.0.0.1:1883",60,1', {
    timeoutMs: 1000,
    isAbort: line => line.startsWith('+CMQTTCONNLOST:'),
  })
  transport.receive('\r\n+CMQTTCONNLOST: 0,1\r\n')
  t.equal((await pending).outcome, 'aborted')
  transport.receive('\r\nOK\r\n')
  t.same(kinds(chat.peekUrcs()), ['urc:+CMQTTCONNLOST: 0,1'])
  t.ok(notes.some(note => note.startsWith('late answer to `AT+CMQTTCONNECT')))
})

t.test('a command given an aborted signal ends at once and leaves the chat free', async t => {
  const { chat, transport } = startChat()
  const controller = new AbortController()
  controller.abort()
  t.equal((await chat.command('AT+A', { timeoutMs: 1000, signal: controller.signal })).outcome, 'cancelled')
  const next = chat.command('AT+B', { timeoutMs: 1000, settleMs: 1 })
  await untilWritten(transport, 2)
  transport.receive('\r\nOK\r\n')
  t.equal((await next).final, 'OK')
})

t.test('an exchange that ends on its final result code adds no note; a timeout says what did not come', async t => {
  const { chat, transport, notes } = startChat()
  const pending = chat.command('AT', { timeoutMs: 1000 })
  transport.receive('\r\nOK\r\n')
  await pending
  t.same(notes, [])
  const late = await chat.command('AT+CSQ', { timeoutMs: 5 })
  t.equal(late.cause, 'no final result code within 5 ms')
  t.same(notes, ['timeout: no final result code within 5 ms'])
})

t.test('prompt data that is running names the command that asked for it', async t => {
  const { chat, transport } = startChat()
  const data = chat.sendData(Buffer.from('ab'), { end: 'none', timeoutMs: 1000 })
  t.throws(() => chat.command('AT', { timeoutMs: 10 }), { code: 'chat-busy', runningCommand: '' })
  transport.receive('\r\nOK\r\n')
  await data
  const prompt = chat.command('AT+CMQTTTOPIC=0,2', { timeoutMs: 1000 })
  transport.receive('\r\n>')
  t.equal((await prompt).outcome, 'prompt')
  const topic = chat.sendData(Buffer.from('ab'), { end: 'none', timeoutMs: 1000 })
  t.throws(() => chat.command('AT', { timeoutMs: 10 }), { code: 'chat-busy', runningCommand: 'AT+CMQTTTOPIC=0,2' })
  transport.receive('\r\nOK\r\n')
  t.equal((await topic).final, 'OK')
})

t.test('a final result code or a prompt with nothing running is kept for the step, not lost', async t => {
  const { chat, transport } = startChat()
  transport.receive('\r\nOK\r\n')
  transport.receive('\r\n>')
  t.same(kinds(chat.peekUrcs()), ['final:OK', 'prompt:>'])
})

t.test('the prompt is not counted as a line of the step', async t => {
  const { chat, transport } = startChat({ maxStepLines: 1 })
  const pending = chat.command('AT+CMQTTTOPIC=0,2', { timeoutMs: 1000 })
  transport.receive('\r\n+CMQTTPING: 0,1\r\n\r\n>')
  const exchange = await pending
  t.equal(exchange.outcome, 'prompt')
  t.same(kinds(exchange.lines), ['urc:+CMQTTPING: 0,1', 'prompt:>'])
})

t.test('too much data is noted in the transcript with what it was', async t => {
  const { chat, transport, notes } = startChat({ maxLineBytes: 8 })
  const pending = chat.command('AT+CSQ', { timeoutMs: 1000 })
  transport.receive('\r\n+CSQ: 20,99,1,2,3\r\n')
  const exchange = await pending
  t.equal(exchange.outcome, 'overflow')
  t.match(notes, [/^the modem sent a line longer than 8 bytes; dropping what it sends until the next step$/])
})
