/** Received data is bounded: a line past maxLineBytes and a step past maxStepBytes end the exchange as `overflow`. */
import t, { type Test } from 'tap'
import { createChat, type Chat } from '../../src/at/chat.js'
import type { ChatTranscriptEntry } from '../../src/at/chat-types.js'
import { SIMCOM_CHAT_PROFILE } from '../../src/modem/families/simcom/chat-profile.js'
import { openTransport } from '../../src/transport/open-transport.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'

async function startChat(t: Test, peer: ScriptedPeer, entries: ChatTranscriptEntry[] = []): Promise<Chat> {
  const transport = await openTransport('sim://scripted', { simPeer: () => peer })
  const chat = createChat(transport, {
    profile: SIMCOM_CHAT_PROFILE,
    transcript: entry => entries.push(entry),
    maxLineBytes: 64,
    maxStepBytes: 1024,
    maxStepLines: 40,
  })
  t.teardown(async () => {
    chat.detach()
    await transport.close()
  })
  return chat
}

const urcFlood = '\r\n+CMQTTPING: 0,1\r\n'.repeat(200)
const wideLines = `\r\n+CMQTTPING: 0,1${' '.repeat(40)}\r\n`.repeat(40)

t.test('more than maxStepBytes in one exchange ends it as overflow; the next command starts afresh', async t => {
  const peer = new ScriptedPeer({ maxChunkBytes: 256 }).on('AT+FLOOD\r', `${wideLines}\r\nOK\r\n`).on('AT\r', '\r\nOK\r\n')
  const entries: ChatTranscriptEntry[] = []
  const chat = await startChat(t, peer, entries)
  const flood = await chat.command('AT+FLOOD', { timeoutMs: 5000 })
  t.equal(flood.outcome, 'overflow')
  t.match(flood.cause, /more than 1024 bytes/)
  const rxBytes = entries.filter(entry => entry.dir === 'rx').reduce((n, entry) => n + entry.bytes.length, 0)
  t.ok(rxBytes <= 1024, `the transcript kept ${rxBytes} bytes`)
  t.ok(chat.peekUrcs().length <= 1024 / 16, 'the URC buffer is bounded too')
  t.equal((await chat.command('AT', { timeoutMs: 5000 })).final, 'OK')
  t.ok(entries.some(entry => entry.dir === 'note' && /^dropped \d+ bytes after more than 1024 bytes/.test(String(entry.bytes))))
})

t.test('a line longer than maxLineBytes ends the exchange as overflow', async t => {
  const peer = new ScriptedPeer({ maxChunkBytes: 50 }).on('AT+LONG\r', `\r\n${'x'.repeat(500)}`)
  const chat = await startChat(t, peer)
  const long = await chat.command('AT+LONG', { timeoutMs: 5000 })
  t.equal(long.outcome, 'overflow')
  t.match(long.cause, /a line longer than 64 bytes/)
})

t.test('a URC wait ends as overflow when the modem floods', async t => {
  const peer = new ScriptedPeer({ maxChunkBytes: 256 })
  const chat = await startChat(t, peer)
  const window = chat.openWindow()
  const wait = window.waitForUrc(urc => urc.text === '+CMQTTSTART: 0', { timeoutMs: 5000 })
  peer.send(urcFlood)
  t.equal((await wait).outcome, 'overflow')
  window.close()
})

t.test('more than maxStepLines lines in one exchange ends it as overflow', async t => {
  const peer = new ScriptedPeer({ maxChunkBytes: 256 }).on('AT+FLOOD\r', `${'\r\n+CMQTTPING: 0,1\r\n'.repeat(50)}\r\nOK\r\n`)
  const chat = await startChat(t, peer)
  const flood = await chat.command('AT+FLOOD', { timeoutMs: 5000 })
  t.equal(flood.outcome, 'overflow')
  t.match(flood.cause, /more than 40 lines/)
  t.ok(flood.lines.length <= 40)
})
