/**
 * A late answer is never credited to the next command: the chat holds the next write until the
 * owed final result code arrives (or the settle time passes) and records the late lines as late.
 */
import t, { type Test } from 'tap'
import { createChat, type Chat } from '../../src/at/chat.js'
import type { ChatTranscriptEntry } from '../../src/at/chat-types.js'
import { SIMCOM_CHAT_PROFILE } from '../../src/modem/families/simcom/chat-profile.js'
import { openTransport } from '../../src/transport/open-transport.js'
import type { Transport } from '../../src/model/transport.js'
import { connectPeerToStream, ScriptedPeer } from '../helpers/scripted-peer.js'
import { slowModem } from '../helpers/slow-modem.js'
import { findTool, requireTool } from '../helpers/system-tool.js'
import { startPtyPair } from '../transport/pty-pair.js'
import { SerialPort } from 'serialport'

async function startChat(
  t: Test,
  peer: ScriptedPeer,
  settleMs?: number,
  url = 'sim://scripted',
): Promise<{ chat: Chat; notes: string[]; transport: Transport }> {
  const transport = await openTransport(url, { simPeer: () => peer })
  t.teardown(() => transport.close())
  const notes: string[] = []
  const transcript = (entry: ChatTranscriptEntry): void => {
    if (entry.dir === 'note') notes.push(String(entry.bytes))
  }
  const chat = createChat(transport, { profile: SIMCOM_CHAT_PROFILE, transcript, ...(settleMs === undefined ? {} : { settleMs }) })
  t.teardown(() => chat.detach())
  return { chat, notes, transport }
}

t.test('the next command waits for the late final of a timed-out one and gets its own answer', async t => {
  const peer = slowModem({ 'AT+A': '\r\nOK\r\n', 'AT+B': '\r\nERROR\r\n' }, 150)
  const { chat, notes } = await startChat(t, peer)
  const first = await chat.command('AT+A', { timeoutMs: 50 })
  t.equal(first.outcome, 'timeout')
  const second = await chat.command('AT+B', { timeoutMs: 1000 })
  t.equal(second.outcome, 'final')
  t.equal(second.final, 'ERROR', 'the late OK of AT+A is not the answer to AT+B')
  t.notOk(
    second.lines.some(line => line.text === 'OK'),
    'the late OK is not in the next exchange',
  )
  t.ok(
    notes.some(note => note.startsWith('late answer to `AT+A`')),
    'the late OK is noted for AT+A',
  )
  t.same(chat.peekUrcs(), [], 'a late final result is not a URC')
})

t.test('a late response line and final after Ctrl-C belong to the cancelled command', async t => {
  const peer = slowModem({ 'AT+CSQ': '\r\n+CSQ: 20,99\r\n\r\nOK\r\n', AT: '\r\nERROR\r\n' }, 100)
  const { chat, notes } = await startChat(t, peer)
  const controller = new AbortController()
  setTimeout(() => controller.abort(new Error('interrupt')), 20)
  t.equal((await chat.command('AT+CSQ', { timeoutMs: 5000, signal: controller.signal })).outcome, 'cancelled')
  const next = await chat.command('AT', { timeoutMs: 1000 })
  t.equal(next.final, 'ERROR')
  t.same(
    next.lines.map(line => line.text),
    ['ERROR'],
  )
  t.equal(notes.filter(note => note.startsWith('late answer to `AT+CSQ`')).length, 2, '+CSQ: 20,99 and OK are both late')
})

t.test('the settle time bounds the wait for an answer that never comes', async t => {
  const peer = new ScriptedPeer().on('AT+B\r', '\r\nOK\r\n')
  const { chat, notes } = await startChat(t, peer, 80)
  t.equal((await chat.command('AT+A', { timeoutMs: 20 })).outcome, 'timeout')
  const started = Date.now()
  const second = await chat.command('AT+B', { timeoutMs: 1000 })
  t.equal(second.final, 'OK')
  t.ok(Date.now() - started >= 70, 'waited about the settle time')
  t.ok(notes.some(note => note.startsWith('no late answer to `AT+A` within 80 ms')))
  t.same(peer.writes.map(String), ['AT+A\r', 'AT+B\r'])
})

t.test('a second command during the settle is a caller bug; a signal ends the settle at once', async t => {
  const { chat } = await startChat(t, new ScriptedPeer(), 60_000)
  await chat.command('AT+A', { timeoutMs: 10 })
  const controller = new AbortController()
  const pending = chat.command('AT+B', { timeoutMs: 1000, signal: controller.signal })
  t.throws(() => chat.command('AT+C', { timeoutMs: 10 }), { code: 'chat-busy', runningCommand: 'AT+B' })
  controller.abort()
  t.equal((await pending).outcome, 'cancelled')
})

t.test('with echo on, lines before the next command echo are late even after the settle time', async t => {
  // Echo by hand: the old answer to AT+A arrives just before the echo of AT+B, after the settle time.
  const peer = new ScriptedPeer().on('AT\r', 'AT\r\r\nOK\r\n').on('AT+A\r', 'AT+A\r').on('AT+B\r', '\r\nOK\r\nAT+B\r\r\nERROR\r\n')
  const { chat, notes } = await startChat(t, peer, 30)
  t.equal((await chat.command('AT', { timeoutMs: 1000 })).final, 'OK')
  t.equal((await chat.command('AT+A', { timeoutMs: 20 })).outcome, 'timeout')
  const second = await chat.command('AT+B', { timeoutMs: 1000 })
  t.equal(second.final, 'ERROR', 'the OK before the echo of AT+B is the late answer to AT+A')
  t.ok(notes.some(note => note.startsWith('late answer to `AT+A`')))
})

t.test('over a real socat pty pair, a late OK is not the answer to the next command', async t => {
  if (!requireTool(t, 'socat')) return
  const pty = await startPtyPair(t, findTool('socat') as string)
  const peer = slowModem({ 'AT+A': '\r\nOK\r\n', 'AT+B': '\r\nERROR\r\n' }, 200)
  const port = new SerialPort({ path: pty.modemPath, baudRate: 115200, autoOpen: false })
  await new Promise<void>((resolve, reject) => port.open(error => (error ? reject(error) : resolve())))
  t.teardown(() => new Promise<void>(resolve => (port.isOpen ? port.close(() => resolve()) : resolve())))
  connectPeerToStream(peer, port)
  const { chat, notes } = await startChat(t, peer, undefined, `serial://${pty.hostPath}?baud=115200`)
  t.equal((await chat.command('AT+A', { timeoutMs: 50 })).outcome, 'timeout')
  const second = await chat.command('AT+B', { timeoutMs: 2000 })
  t.equal(second.final, 'ERROR')
  t.ok(notes.some(note => note.startsWith('late answer to `AT+A`')))
})

t.test('the settle time comes from the command, else the settings, else the family profile', async t => {
  const peer = new ScriptedPeer().on('AT+B\r', '\r\nOK\r\n').on('AT+C\r', '\r\nOK\r\n')
  const transport = await openTransport('sim://scripted', { simPeer: () => peer })
  t.teardown(() => transport.close())
  const notes: string[] = []
  const chat = createChat(transport, {
    profile: { ...SIMCOM_CHAT_PROFILE, settleMs: 60 },
    transcript: entry => void (entry.dir === 'note' && notes.push(String(entry.bytes))),
  })
  t.teardown(() => chat.detach())
  t.equal((await chat.command('AT+A', { timeoutMs: 20 })).outcome, 'timeout')
  t.equal((await chat.command('AT+B', { timeoutMs: 1000 })).final, 'OK')
  t.ok(
    notes.some(note => note.startsWith('no late answer to `AT+A` within 60 ms')),
    'the family profile sets it',
  )
  t.equal((await chat.command('AT+X', { timeoutMs: 20 })).outcome, 'timeout')
  t.equal((await chat.command('AT+C', { timeoutMs: 1000, settleMs: 25 })).final, 'OK')
  t.ok(
    notes.some(note => note.startsWith('no late answer to `AT+X` within 25 ms')),
    'a command (a sequence `settle:`) overrides it',
  )
})
