/**
 * What the chat does outside a command's exchange: raw writes, a fresh framing start, line listeners, notes,
 * detaching, and a link that drops.
 */
import t from 'tap'
import { type Chat, ChatBusyError, createChat } from '../../src/at/chat.js'
import type { ChatLine, ChatTranscriptEntry } from '../../src/at/chat-types.js'
import { SIMCOM_CHAT_PROFILE } from '../../src/modem/families/simcom/chat-profile.js'
import { HandTransport } from '../helpers/hand-transport.js'

const kinds = (lines: readonly ChatLine[]): string[] => lines.map(line => `${line.kind}:${line.text}`)
const tick = (): Promise<void> => new Promise(resolve => setImmediate(resolve))

function startChat(transcript?: (entry: ChatTranscriptEntry) => void): { chat: Chat; transport: HandTransport } {
  const transport = new HandTransport()
  const chat = createChat(transport, { profile: SIMCOM_CHAT_PROFILE, ...(transcript === undefined ? {} : { transcript }) })
  return { chat, transport }
}

t.test('writeRaw writes the bytes as they are and records them as sent', async t => {
  const entries: ChatTranscriptEntry[] = []
  const { chat, transport } = startChat(entry => entries.push(entry))
  await chat.writeRaw(Buffer.from('+++'))
  t.same(transport.writes.map(String), ['+++'])
  t.same(
    entries.map(entry => `${entry.dir}:${String(entry.bytes)}`),
    ['tx:+++'],
  )
})

t.test('writeRaw works without a transcript', async t => {
  const { chat, transport } = startChat()
  await chat.writeRaw(Buffer.from('x'))
  t.equal(transport.writes.length, 1)
})

t.test('writeRaw while a command runs is a caller bug naming that command', async t => {
  const { chat, transport } = startChat()
  const pending = chat.command('AT+CSQ', { timeoutMs: 5000 })
  await t.rejects(chat.writeRaw(Buffer.from('x')), { code: 'chat-busy', runningCommand: 'AT+CSQ' })
  transport.receive('\r\nOK\r\n')
  t.equal((await pending).outcome, 'final')
  t.same(transport.writes.map(String), ['AT+CSQ\r'], 'the raw bytes were not written')
})

t.test('writeRaw while a command waits for the previous one to settle is a caller bug too', async t => {
  const { chat, transport } = startChat()
  t.equal((await chat.command('AT+A', { timeoutMs: 1 })).outcome, 'timeout')
  const next = chat.command('AT+B', { timeoutMs: 5000, settleMs: 5000 })
  await t.rejects(chat.writeRaw(Buffer.from('x')), ChatBusyError)
  transport.receive('\r\nOK\r\n')
  await tick()
  transport.receive('\r\nOK\r\n')
  t.equal((await next).final, 'OK')
})

t.test('dropUnfinishedLine: bytes of a line already begun never join the next line', async t => {
  const { chat, transport } = startChat()
  transport.receive('\r\n+CMQ')
  chat.dropUnfinishedLine()
  transport.receive('\r\n+CMQTTPING: 0,1\r\n')
  t.same(kinds(chat.peekUrcs()), ['urc:+CMQTTPING: 0,1'])
})

t.test('a line listener hears lines until it unsubscribes', async t => {
  const { chat, transport } = startChat()
  const heard: string[] = []
  const unsubscribe = chat.onLine(line => heard.push(line.text))
  transport.receive('\r\nRDY\r\n')
  unsubscribe()
  transport.receive('\r\n+CPIN: READY\r\n')
  t.same(heard, ['RDY'])
})

t.test('a note without a transcript does nothing', async t => {
  const { chat } = startChat()
  t.doesNotThrow(() => chat.note('step 1'))
})

t.test('detach ends the running command and URC waits as cancelled and stops listening', async t => {
  const { chat, transport } = startChat()
  const urcWait = chat.waitForUrc(urc => urc.text === '+CMQTTPING: 0,1', { timeoutMs: 5000 })
  const pending = chat.command('AT+CSQ', { timeoutMs: 5000 })
  chat.detach()
  const exchange = await pending
  t.equal(exchange.outcome, 'cancelled')
  t.equal(exchange.cause, 'chat detached')
  const wait = await urcWait
  t.equal(wait.outcome, 'cancelled')
  t.equal(wait.cause, 'chat detached')
  transport.receive('\r\nRDY\r\n')
  transport.dropLink('gone')
  t.same(chat.peekUrcs(), [], 'nothing received after detach')
  t.equal(chat.drop, undefined, 'no drop heard after detach')
})

t.test('after a drop a command ends at once with the drop cause and writes nothing', async t => {
  const { chat, transport } = startChat()
  transport.dropLink('modem reset')
  const exchange = await chat.command('AT', { timeoutMs: 5000 })
  t.equal(exchange.outcome, 'dropped')
  t.equal(exchange.cause, 'modem reset')
  t.same(exchange.lines, [])
  t.same(transport.writes, [])
})

t.test('the first drop is the one the chat keeps', async t => {
  const { chat, transport } = startChat()
  transport.dropLink('modem reset')
  transport.dropLink('port closed')
  t.equal(chat.drop?.cause, 'modem reset')
})
