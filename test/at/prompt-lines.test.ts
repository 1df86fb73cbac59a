/** Whole lines that invite prompt data (SIMCom `DOWNLOAD`), and payload URCs announced in two forms (`+HTTPREAD`). */
import t from 'tap'
import { createChat, type Chat } from '../../src/at/chat.js'
import type { ChatLine } from '../../src/at/chat-types.js'
import { SIMCOM_CHAT_PROFILE } from '../../src/modem/families/simcom/chat-profile.js'
import { readPayloadLength } from '../../src/modem/urc-rule.js'
import { openTransport } from '../../src/transport/open-transport.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'

async function startChat(peer: ScriptedPeer): Promise<Chat> {
  const transport = await openTransport('sim://scripted', { simPeer: () => peer })
  return createChat(transport, { profile: SIMCOM_CHAT_PROFILE })
}

const kinds = (lines: readonly ChatLine[]): string[] => lines.map(line => `${line.kind}:${line.text}`)

t.test('DOWNLOAD after AT+HTTPDATA ends the command as the prompt does; the data then ends with OK', async t => {
  const peer = new ScriptedPeer().on('AT+HTTPDATA=5,10\r', '\r\nDOWNLOAD\r\n').on('hello', '\r\nOK\r\n')
  const chat = await startChat(peer)
  const prompt = await chat.command('AT+HTTPDATA=5,10', { timeoutMs: 2000 })
  t.equal(prompt.outcome, 'prompt')
  t.same(kinds(prompt.lines), ['prompt:DOWNLOAD'])
  const done = await chat.sendData(Buffer.from('hello'), { end: 'none', timeoutMs: 2000 })
  t.equal(done.outcome, 'final')
  t.same(peer.writes.map(String), ['AT+HTTPDATA=5,10\r', 'hello'])
})

t.test('DOWNLOAD with no command running is an unsolicited line, not a prompt', async t => {
  const peer = new ScriptedPeer()
  const chat = await startChat(peer)
  peer.send('\r\nDOWNLOAD\r\n')
  await new Promise(resolve => setImmediate(resolve))
  t.same(kinds(chat.takeUrcs()), ['urc:DOWNLOAD'])
})

t.test('+HTTPREAD blocks in either form carry their bytes by length, CRLF OK CRLF inside included', async t => {
  const { urcs, maxPayloadBytes } = SIMCOM_CHAT_PROFILE
  t.equal(readPayloadLength('+HTTPREAD: 12', urcs, maxPayloadBytes), 12)
  t.equal(readPayloadLength('+HTTPREAD: DATA,12', urcs, maxPayloadBytes), 12)
  t.equal(readPayloadLength('+HTTPREAD: LEN,12', urcs, maxPayloadBytes), undefined, 'the read form names a length, no payload follows')
  t.equal(readPayloadLength('+HTTPHEAD: 3', urcs, maxPayloadBytes), 3)
  const body = 'a\r\nOK\r\nbcd'
  const peer = new ScriptedPeer().on('AT+HTTPREAD=0,10\r', `\r\nOK\r\n\r\n+HTTPREAD: DATA,10\r\n${body}\r\n+HTTPREAD:0\r\n`)
  const chat = await startChat(peer)
  const done = await chat.command('AT+HTTPREAD=0,10', { timeoutMs: 2000 })
  t.equal(done.outcome, 'final')
  await new Promise(resolve => setTimeout(resolve, 20))
  t.same(
    kinds(chat.takeUrcs()),
    ['urc:+HTTPREAD: DATA,10', `payload:${body}`, 'urc:+HTTPREAD:0'],
    'the zero block ends them, no empty payload',
  )
  t.equal(readPayloadLength('+HTTPREAD: 0', urcs, maxPayloadBytes), undefined)
  t.equal(readPayloadLength('+CMQTTRXPAYLOAD: 0,0', urcs, maxPayloadBytes), 0, 'other payload URCs keep their empty payloads')
})
