/**
 * A step window over a chat: what it judges (responses, URCs, payloads), what its "Received" column shows
 * (no late answers, no URC an earlier step already listed), which URCs it calls unexpected, how a line is
 * claimed once, which URCs its waits accept, and the raw bytes it saw; nothing arrives after `close`.
 */
import t, { type Test } from 'tap'
import { createChat, type Chat } from '../../src/at/chat.js'
import type { ChatLine } from '../../src/at/chat-types.js'
import { SIMCOM_CHAT_PROFILE } from '../../src/modem/families/simcom/chat-profile.js'
import { openTransport } from '../../src/transport/open-transport.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'

/** A chat over `peer`; `clock` stands in for the chat's monotonic clock when a test needs to set the time. */
async function startChat(t: Test, peer: ScriptedPeer, clock?: () => number): Promise<Chat> {
  const transport = await openTransport('sim://scripted', { simPeer: () => peer })
  const chat = createChat(transport, { profile: SIMCOM_CHAT_PROFILE, ...(clock === undefined ? {} : { clock }) })
  t.teardown(async () => {
    chat.detach()
    await transport.close()
  })
  return chat
}

/** Lets the link deliver what the peer sent (each chunk arrives on its own microtask). */
const delivered = (): Promise<void> => new Promise(resolve => setImmediate(resolve))

const kinds = (lines: readonly ChatLine[]): string[] => lines.map(line => `${line.kind}:${line.text}`)
const isText =
  (text: string) =>
  (line: ChatLine): boolean =>
    line.text === text

/** A SIMCom MQTT message received: URCs, each followed by the raw bytes of its topic or payload. */
const RX_MESSAGE = '\r\n+CMQTTRXSTART: 0,4,5\r\n+CMQTTRXTOPIC: 0,4\r\nt/rx\r\n+CMQTTRXPAYLOAD: 0,5\r\nhello\r\n+CMQTTRXEND: 0\r\n'
const RX_LINES = [
  'urc:+CMQTTRXSTART: 0,4,5',
  'urc:+CMQTTRXTOPIC: 0,4',
  'payload:t/rx',
  'urc:+CMQTTRXPAYLOAD: 0,5',
  'payload:hello',
  'urc:+CMQTTRXEND: 0',
]

t.test('a window judges responses, URCs and payloads; echo, final and prompt are only received', async t => {
  const peer = new ScriptedPeer({ echo: true }).on('AT+CSQ\r', '\r\n+CSQ: 20,99\r\n\r\nOK\r\n').on('AT+CMQTTTOPIC=0,4\r', '\r\n>')
  const chat = await startChat(t, peer)
  const window = chat.openWindow()
  peer.send(RX_MESSAGE)
  await delivered()
  t.equal((await chat.command('AT+CSQ', { timeoutMs: 2000 })).outcome, 'final')
  t.equal((await chat.command('AT+CMQTTTOPIC=0,4', { timeoutMs: 2000 })).outcome, 'prompt')
  const judged = [...RX_LINES, 'response:+CSQ: 20,99']
  t.same(kinds(window.arrivedLines()), judged)
  t.same(kinds(window.judgedLines()), judged, 'nothing claimed yet: every judged line is still free')
  t.same(kinds(window.received()), [...RX_LINES, 'echo:AT+CSQ', 'response:+CSQ: 20,99', 'final:OK', 'echo:AT+CMQTTTOPIC=0,4', 'prompt:>'])
  t.same(kinds(window.unexpectedUrcs()), RX_LINES, 'URCs and their payloads, not the response')
  window.close()
})

t.test('the received bytes are every byte from open to close, split or not; nothing arrives after close', async t => {
  const peer = new ScriptedPeer({ maxChunkBytes: 2 })
  const chat = await startChat(t, peer)
  peer.send('\r\n+CMQTTPING: 0,1\r\n')
  await delivered()
  const window = chat.openWindow()
  peer.send(RX_MESSAGE)
  await delivered()
  t.equal(window.receivedBytes().toString('latin1'), RX_MESSAGE, 'only what came after the window opened')
  t.same(kinds(window.received()), RX_LINES)
  window.close()
  t.doesNotThrow(() => window.close(), 'closing again does nothing')
  peer.send('\r\n+CMQTTSTART: 0\r\n')
  await delivered()
  t.equal(window.receivedBytes().toString('latin1'), RX_MESSAGE)
  t.same(kinds(window.arrivedLines()), RX_LINES)
  t.ok(chat.peekUrcs().some(isText('+CMQTTSTART: 0')), 'the chat still buffers what came after')
})

t.test('a URC one window listed is not listed or shown again by the next, unless that step takes it', async t => {
  const peer = new ScriptedPeer()
  let nowMs = 10
  const chat = await startChat(t, peer, () => nowMs)
  const first = chat.openWindow()
  peer.send('\r\n+CMQTTPING: 0,1\r\n')
  await delivered()
  t.same(kinds(first.unexpectedUrcs()), ['urc:+CMQTTPING: 0,1'])
  first.close()

  nowMs = 20
  const next = chat.openWindow({ includeBuffered: true })
  peer.send('\r\n+CMQTTSTART: 0\r\n')
  await delivered()
  t.same(kinds(next.arrivedLines()), ['urc:+CMQTTPING: 0,1', 'urc:+CMQTTSTART: 0'], 'the buffered URC counts for a wait step')
  t.same(kinds(next.received()), ['urc:+CMQTTSTART: 0'], 'the earlier step showed the PING')
  t.same(kinds(next.unexpectedUrcs()), ['urc:+CMQTTSTART: 0'])

  const wait = await next.waitForUrc(isText('+CMQTTPING: 0,1'), { timeoutMs: 2000 })
  t.equal(wait.outcome, 'matched', 'a wait step accepts a URC from before it opened')
  t.same(kinds(next.judgedLines()), ['urc:+CMQTTPING: 0,1', 'urc:+CMQTTSTART: 0'], 'its own URC is still judged')
  t.same(kinds(next.received()), ['urc:+CMQTTPING: 0,1', 'urc:+CMQTTSTART: 0'], 'the PING it took is shown again')
  t.same(kinds(next.unexpectedUrcs()), ['urc:+CMQTTSTART: 0'])
  next.close()
})

t.test('a plain window starts when it opens: earlier URCs are not in it, and its waits do not take them', async t => {
  const peer = new ScriptedPeer()
  let nowMs = 10
  const chat = await startChat(t, peer, () => nowMs)
  peer.send('\r\n+CMQTTSTART: 0\r\n')
  await delivered()
  nowMs = 20
  const window = chat.openWindow()
  t.same(window.arrivedLines(), [])
  t.same(window.received(), [])
  const early = await window.waitForUrc(isText('+CMQTTSTART: 0'), { timeoutMs: 20 })
  t.equal(early.outcome, 'timeout', 'the URC from before the window does not answer this step')
  t.same(kinds(chat.peekUrcs()), ['urc:+CMQTTSTART: 0'], 'and stays buffered')

  // The clock has not moved since the window opened: a URC at that same moment is the window's.
  const onTime = window.waitForUrc(isText('+CMQTTSTART: 0'), { timeoutMs: 2000 })
  peer.send('\r\n+CMQTTSTART: 0\r\n')
  const wait = await onTime
  t.equal(wait.outcome, 'matched')
  t.equal(wait.urc?.atMs, 20)
  t.same(kinds(window.judgedLines()), ['urc:+CMQTTSTART: 0'], 'the URC the window took is judged')
  t.same(window.unexpectedUrcs(), [], 'and is not unexpected')
  window.close()
})

t.test('a line is claimed once: the window that claimed it keeps it, another cannot have it', async t => {
  const peer = new ScriptedPeer().on('AT+CSQ\r', '\r\n+CSQ: 20,99\r\n\r\nOK\r\n')
  const chat = await startChat(t, peer)
  const mine = chat.openWindow()
  const other = chat.openWindow()
  await chat.command('AT+CSQ', { timeoutMs: 2000 })
  const [response] = mine.judgedLines()
  if (response === undefined) throw new Error('no response line in the window')
  t.equal(response.text, '+CSQ: 20,99')
  t.equal(mine.claim(response), true)
  t.equal(mine.claim(response), true, 'claiming its own line again still holds')
  t.equal(other.claim(response), false, 'another expectation has it')
  t.same(kinds(mine.judgedLines()), ['response:+CSQ: 20,99'])
  t.same(other.judgedLines(), [], 'a line another window claimed is not judged again')
  t.same(kinds(other.arrivedLines()), ['response:+CSQ: 20,99'], 'but it did arrive (what `not:` is judged on)')
  mine.close()
  other.close()
})

t.test('a URC someone else took is not claimable, not unexpected, yet still received', async t => {
  const peer = new ScriptedPeer()
  const chat = await startChat(t, peer)
  const window = chat.openWindow()
  peer.send('\r\n+CMQTTSTART: 0\r\n+CMQTTPING: 0,1\r\n')
  await delivered()
  const taken = await chat.waitForUrc(isText('+CMQTTSTART: 0'), { timeoutMs: 2000 })
  if (taken.urc === undefined) throw new Error('the chat did not take the URC')
  t.equal(window.claim(taken.urc), false)
  t.same(kinds(window.judgedLines()), ['urc:+CMQTTPING: 0,1'])
  t.same(kinds(window.unexpectedUrcs()), ['urc:+CMQTTPING: 0,1'])
  t.same(kinds(window.received()), ['urc:+CMQTTSTART: 0', 'urc:+CMQTTPING: 0,1'])
  window.close()
})

t.test('a late answer to a cancelled command is not in the next window, a URC beside it is', async t => {
  const peer = new ScriptedPeer()
  const chat = await startChat(t, peer)
  const controller = new AbortController()
  const slow = chat.command('AT+CSQ', { timeoutMs: 2000, signal: controller.signal })
  controller.abort()
  t.equal((await slow).outcome, 'cancelled')
  const window = chat.openWindow()
  const seen: ChatLine[] = []
  chat.onLine(line => seen.push(line))
  peer.send('\r\n+CSQ: 20,99\r\n\r\n+CMQTTPING: 0,1\r\n\r\nOK\r\n')
  await delivered()
  t.same(kinds(seen), ['late:+CSQ: 20,99', 'urc:+CMQTTPING: 0,1', 'late:OK'], 'the chat tells the late lines apart')
  t.same(kinds(window.received()), ['urc:+CMQTTPING: 0,1'])
  t.same(kinds(window.arrivedLines()), ['urc:+CMQTTPING: 0,1'])
  window.close()
})

t.test('waitForBytes resolves true once the bytes arrive, across chunks or before the wait', async t => {
  const peer = new ScriptedPeer({ maxChunkBytes: 3 })
  const chat = await startChat(t, peer)
  const window = chat.openWindow()
  const connected = window.waitForBytes(Buffer.from('CONNECT OK'), { timeoutMs: 2000 })
  peer.send('\r\nCONNECT OK\r\n')
  t.equal(await connected, true)
  t.equal(await window.waitForBytes(Buffer.from('NECT'), { timeoutMs: 2000 }), true, 'already received')
  window.close()
})

t.test('waitForBytes resolves false on timeout when other bytes come', async t => {
  const peer = new ScriptedPeer()
  const chat = await startChat(t, peer)
  const window = chat.openWindow()
  const wait = window.waitForBytes(Buffer.from('CONNECT OK'), { timeoutMs: 30 })
  peer.send('\r\nCONNECT FAIL\r\n')
  t.equal(await wait, false)
  window.close()
})

t.test('waitForBytes resolves false at once when cancelled, before or during the wait', async t => {
  const peer = new ScriptedPeer()
  const chat = await startChat(t, peer)
  const window = chat.openWindow()
  const stillWaiting = (): Promise<string> => new Promise(resolve => setTimeout(() => resolve('still waiting'), 200))
  const controller = new AbortController()
  const during = window.waitForBytes(Buffer.from('CONNECT OK'), { timeoutMs: 2000, signal: controller.signal })
  controller.abort()
  t.equal(await Promise.race([during, stillWaiting()]), false)
  const before = window.waitForBytes(Buffer.from('CONNECT OK'), { timeoutMs: 2000, signal: AbortSignal.abort() })
  t.equal(await Promise.race([before, stillWaiting()]), false)
  window.close()
})

t.test('endOfBytes gives where the first match of the bytes ends; the chat counts the bytes of its unfinished line', async t => {
  const peer = new ScriptedPeer()
  const chat = await startChat(t, peer)
  const window = chat.openWindow()
  peer.send('abc\r\nabc\r\n+CRE')
  await delivered()
  t.equal(window.endOfBytes(Buffer.from('abc')), 3, 'the first of two')
  t.equal(window.endOfBytes(Buffer.from('c\r\n+')), 11)
  t.equal(window.endOfBytes(Buffer.from('xyz')), undefined)
  t.equal(chat.unfinishedBytes, 4, '+CRE is held')
  peer.send('G: 1\r\n')
  await delivered()
  t.equal(chat.unfinishedBytes, 0, 'and framed once its line ends')
  peer.send('tail')
  await delivered()
  chat.dropUnfinishedLine()
  t.equal(chat.unfinishedBytes, 0, 'a dropped line is gone')
  window.close()
})
