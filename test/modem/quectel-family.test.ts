import t from 'tap'
import { createChat } from '../../src/at/chat.js'
import type { ChatLine } from '../../src/at/chat-types.js'
import { explainResultLine } from '../../src/modem/explain-code.js'
import { findModemFamily } from '../../src/modem/families/index.js'
import { QUECTEL_FAMILY } from '../../src/modem/families/quectel/index.js'
import { readPayloadLength } from '../../src/modem/urc-rule.js'
import { openTransport } from '../../src/transport/open-transport.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'

const { chatProfile } = QUECTEL_FAMILY
const kinds = (lines: ChatLine[]): string[] => lines.map(line => `${line.kind}:${line.text}`)

t.test('the Quectel device names belong to the Quectel family', async t => {
  for (const name of ['quectel', 'quectel-bg95', 'quectel-bg96', 'quectel-eg25']) t.equal(findModemFamily(name)?.name, 'quectel', name)
})

t.test('only a "recv" +QIURC announces a payload, by its third parameter', async t => {
  t.equal(readPayloadLength('+QIURC: "recv",0,5', chatProfile.urcs, chatProfile.maxPayloadBytes), 5)
  t.equal(
    readPayloadLength('+QIURC: "recv",0', chatProfile.urcs, chatProfile.maxPayloadBytes),
    undefined,
    'buffer mode: no length, no payload',
  )
  t.equal(readPayloadLength('+QIURC: "closed",0', chatProfile.urcs, chatProfile.maxPayloadBytes), undefined)
  t.equal(
    readPayloadLength('+QIURC: "dnsgip",0,1,600', chatProfile.urcs, chatProfile.maxPayloadBytes),
    undefined,
    'a count is not a length',
  )
})

t.test('+QIRD: <n> announces n bytes; its query answer +QIRD: <total>,<read>,<unread> announces none', async t => {
  t.equal(readPayloadLength('+QIRD: 5', chatProfile.urcs, chatProfile.maxPayloadBytes), 5)
  t.equal(readPayloadLength('+QIRD: 5,0,5', chatProfile.urcs, chatProfile.maxPayloadBytes), undefined)
  t.same(chatProfile.finalResults, ['SEND OK', 'SEND FAIL'])
})

t.test('result codes: open results, CONNACK codes, packet results and link states, each at its own parameter', async t => {
  t.equal(explainResultLine('+QMTOPEN: 0,-1', QUECTEL_FAMILY), '-1 = failed to open network')
  t.equal(explainResultLine('+QMTOPEN: 0,2', QUECTEL_FAMILY), '2 = MQTT identifier is occupied')
  t.equal(explainResultLine('+QMTCONN: 0,0,5', QUECTEL_FAMILY), '5 = connection refused: not authorized')
  t.equal(explainResultLine('+QMTCONN: 0,2', QUECTEL_FAMILY), '2 = failed to send packet')
  t.equal(explainResultLine('+QMTPUB: 0,1,1,3', QUECTEL_FAMILY), '1 = packet retransmission', 'the result, not the message ID or the count')
  t.equal(explainResultLine('+QMTSUB: 0,1,0,2', QUECTEL_FAMILY), '0 = packet sent and ACK received')
  t.equal(explainResultLine('+QMTSTAT: 0,1', QUECTEL_FAMILY), '1 = connection closed or reset by peer')
  t.equal(explainResultLine('+QMTRECV: 0,1,"topic","25.8"', QUECTEL_FAMILY), undefined)
  t.equal(explainResultLine('+QMTOPEN: 0,"broker.example.com",1883', QUECTEL_FAMILY), undefined, 'the read form has no code')
})

t.test('over the chat: the `> ` prompt, and pushed data holding "OK" read by length, not as a final result', async t => {
  const peer = new ScriptedPeer({ echo: true }).on('AT+QISEND=0,5\r', '\r\n> ')
  const transport = await openTransport('sim://scripted', { simPeer: () => peer })
  const chat = createChat(transport, { profile: chatProfile })
  const prompt = await chat.command('AT+QISEND=0,5', { timeoutMs: 2000 })
  t.equal(prompt.outcome, 'prompt')
  const lines: ChatLine[] = []
  chat.onLine(line => lines.push(line))
  const pushed = chat.waitForUrc(line => line.kind === 'payload', { timeoutMs: 2000 })
  peer.send('\r\n+QIURC: "recv",0,8\r\n\r\nOK\r\nAB\r\n')
  const urc = await pushed
  t.equal(urc.urc?.text, '\r\nOK\r\nAB', 'the eight bytes after the header, "OK" among them')
  t.same(
    kinds(lines).filter(line => line.startsWith('final')),
    [],
    'the OK inside the data is no final result code',
  )
  chat.detach()
  await transport.close()
})
