import t from 'tap'
import { createChat } from '../../src/at/chat.js'
import type { ChatLine } from '../../src/at/chat-types.js'
import { QUECTEL_CHAT_PROFILE } from '../../src/modem/families/quectel/chat-profile.js'
import { SIMCOM_CHAT_PROFILE } from '../../src/modem/families/simcom/chat-profile.js'
import type { ChatProfile } from '../../src/modem/chat-profile.js'
import { openTransport } from '../../src/transport/open-transport.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'

const kinds = (lines: readonly ChatLine[]): string[] => lines.map(line => `${line.kind}:${line.text}`)
const HEADER = '+CMT: "+491709876543","","26/12/01,10:00:00+04"'

for (const profile of [SIMCOM_CHAT_PROFILE, QUECTEL_CHAT_PROFILE] as ChatProfile[]) {
  t.test(`${profile.name}: a +CMT inside a command's answer brings its text as payload, even a text reading OK`, async t => {
    // The message arrives between the response line and the final result code; its text is the word OK.
    const peer = new ScriptedPeer().on('AT+CSQ\r', `\r\n+CSQ: 23,0\r\n\r\n${HEADER}\r\nOK\r\n\r\nOK\r\n`)
    const transport = await openTransport('sim://scripted', { simPeer: () => peer })
    const chat = createChat(transport, { profile })
    t.teardown(() => transport.close())
    const exchange = await chat.command('AT+CSQ', { timeoutMs: 2000 })
    t.equal(exchange.outcome, 'final')
    t.same(kinds(exchange.lines), ['response:+CSQ: 23,0', `urc:${HEADER}`, 'payload:OK', 'final:OK'])
    t.same(kinds(chat.takeUrcs()), [`urc:${HEADER}`, 'payload:OK'])
  })
}

t.test('a PDU-mode +CMT and +CDS with nothing running: header and PDU stay together, in order', async t => {
  const pdu = '07919471101600F0040C919471906745F30000622110010000400568656C6C6F'
  const peer = new ScriptedPeer()
  const transport = await openTransport('sim://scripted', { simPeer: () => peer })
  const chat = createChat(transport, { profile: SIMCOM_CHAT_PROFILE })
  t.teardown(() => transport.close())
  peer.send(`\r\n+CMT: "",24\r\n${pdu.slice(0, 10)}`)
  peer.send(`${pdu.slice(10)}\r\n\r\n+CDS: 25\r\n07919471\r\n`)
  const cds = await chat.waitForUrc(urc => urc.kind === 'payload' && urc.text === '07919471', { timeoutMs: 2000 })
  t.equal(cds.outcome, 'matched')
  t.same(kinds(chat.takeUrcs()), ['urc:+CMT: "",24', `payload:${pdu}`, 'urc:+CDS: 25'])
})
