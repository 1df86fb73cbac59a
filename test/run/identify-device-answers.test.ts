/** Reading the device identity over a chat: which answers name which field, and what an answer that is not OK gives. */
import t, { type Test } from 'tap'
import { createChat, type Chat } from '../../src/at/chat.js'
import type { ChatTranscriptEntry } from '../../src/at/chat-types.js'
import { resolveModemFamily } from '../../src/modem/families/index.js'
import { identifyDevice } from '../../src/run/identify-device.js'
import { openTransport } from '../../src/transport/open-transport.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'

interface OpenChat {
  chat: Chat
  notes: string[]
}

/** A SIMCom chat over `peer` that keeps atseq's notes from the transcript; closed when the test ends. */
async function openChat(t: Test, peer: ScriptedPeer): Promise<OpenChat> {
  const notes: string[] = []
  const transport = await openTransport('sim://scripted', { simPeer: () => peer })
  const chat = createChat(transport, {
    profile: resolveModemFamily('simcom-a76xx').chatProfile,
    transcript: (entry: ChatTranscriptEntry) => {
      if (entry.dir === 'note') notes.push(String(entry.bytes))
    },
  })
  t.teardown(async () => {
    chat.detach()
    await transport.close()
  })
  return { chat, notes }
}

const ATI_SIMCOM = '\r\nManufacturer: SIMCOM INCORPORATED\r\nModel: A7670E-LASE\r\n\r\nOK\r\n'

/** A modem that answers the three identity commands with the given bytes. */
function identityPeer(answers: { ati: string; cgmr: string; cgsn: string }, echo = false): ScriptedPeer {
  return new ScriptedPeer({ echo }).on('ATI\r', answers.ati).on('AT+CGMR\r', answers.cgmr).on('AT+CGSN\r', answers.cgsn)
}

const signal = (): AbortSignal => new AbortController().signal

t.test('ATI, AT+CGMR and AT+CGSN name the manufacturer, model, firmware and IMEI, and the transcript says it asked', async t => {
  const peer = identityPeer({ ati: ATI_SIMCOM, cgmr: '\r\n+CGMR: A011B07A7670M7\r\n\r\nOK\r\n', cgsn: '\r\n864000000000005\r\n\r\nOK\r\n' })
  const { chat, notes } = await openChat(t, peer)
  t.strictSame(await identifyDevice(chat, signal()), {
    manufacturer: 'SIMCOM INCORPORATED',
    model: 'A7670E-LASE',
    revision: 'A011B07A7670M7',
    imei: '864000000000005',
  })
  t.strictSame(notes, ['reading the device identity (ATI, AT+CGMR, AT+CGSN)'])
})

t.test('the firmware is the AT+CGMR line without its +CGMR: prefix, with or without a space, and only a leading one', async t => {
  const cases: Array<[string, string]> = [
    ['+CGMR:A011', 'A011'],
    ['+CGMR:   A011', 'A011'],
    ['BG96MAR02A07M1G', 'BG96MAR02A07M1G'],
    ['R1+CGMR: 2', 'R1+CGMR: 2'],
  ]
  for (const [line, revision] of cases) {
    const peer = identityPeer({ ati: '\r\nOK\r\n', cgmr: `\r\n${line}\r\n\r\nOK\r\n`, cgsn: '\r\nOK\r\n' })
    const { chat } = await openChat(t, peer)
    t.strictSame(await identifyDevice(chat, signal()), { revision }, line)
  }
})

t.test('the IMEI is the AT+CGSN line of 14 to 16 digits alone; a prefixed, short or long line gives none', async t => {
  const cases: Array<[string, Record<string, string>]> = [
    ['\r\n35000000000001\r\n\r\nOK\r\n', { imei: '35000000000001' }],
    ['\r\n+CGSN: 864000000000005\r\n\r\nOK\r\n', {}],
    ['\r\n1234\r\n\r\nOK\r\n', {}],
    ['\r\n12345678901234567\r\n\r\nOK\r\n', {}],
  ]
  for (const [cgsn, identity] of cases) {
    const peer = identityPeer({ ati: '\r\nOK\r\n', cgmr: '\r\nOK\r\n', cgsn })
    const { chat } = await openChat(t, peer)
    t.strictSame(await identifyDevice(chat, signal()), identity, JSON.stringify(cgsn))
  }
})

t.test('an answer that ends in ERROR names nothing, even with lines before it, and the other answers still count', async t => {
  const peer = identityPeer({
    ati: '\r\nAcme\r\n\r\nERROR\r\n',
    cgmr: '\r\nR1\r\n\r\n+CME ERROR: 100\r\n',
    cgsn: '\r\n864000000000005\r\n\r\nOK\r\n',
  })
  const { chat } = await openChat(t, peer)
  t.strictSame(await identifyDevice(chat, signal()), { imei: '864000000000005' })
})

t.test('a modem that gives no firmware line leaves the firmware unset', async t => {
  const peer = identityPeer({ ati: ATI_SIMCOM, cgmr: '\r\nOK\r\n', cgsn: '\r\nOK\r\n' })
  const { chat } = await openChat(t, peer)
  t.strictSame(await identifyDevice(chat, signal()), { manufacturer: 'SIMCOM INCORPORATED', model: 'A7670E-LASE' })
})

t.test('only response lines name the device: the echo of ATI and a URC during it are not taken for names', async t => {
  const peer = identityPeer({ ati: '\r\nPB DONE\r\nQuectel\r\nBG96\r\n\r\nOK\r\n', cgmr: '\r\nOK\r\n', cgsn: '\r\nOK\r\n' }, true)
  const { chat } = await openChat(t, peer)
  t.strictSame(await identifyDevice(chat, signal()), { manufacturer: 'Quectel', model: 'BG96' })
})

t.test('an answer that takes a while still counts: each command waits up to its timeout, not a moment', async t => {
  const peer = new ScriptedPeer()
  peer.on('ATI\r', () => {
    setTimeout(() => peer.send('\r\nQuectel\r\n\r\nOK\r\n'), 50)
    return ''
  })
  peer.on('AT+CGMR\r', '\r\nOK\r\n').on('AT+CGSN\r', '\r\nOK\r\n')
  const { chat } = await openChat(t, peer)
  t.strictSame(await identifyDevice(chat, signal()), { manufacturer: 'Quectel' })
})
