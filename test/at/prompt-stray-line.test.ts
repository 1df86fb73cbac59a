/**
 * A stray line at a prompt: a URC that arrives between the data prompt and the data (real modems do
 * this) is routed as a URC, never taken as the prompt's answer, for SIMCom's `\r\n>`, `> ` and `@` prompts.
 */
import t, { type Test } from 'tap'
import { createChat, type Chat } from '../../src/at/chat.js'
import type { ChatLine } from '../../src/at/chat-types.js'
import { SIMCOM_CHAT_PROFILE } from '../../src/modem/families/simcom/chat-profile.js'
import { openTransport } from '../../src/transport/open-transport.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'

const kinds = (lines: readonly ChatLine[]): string[] => lines.map(line => `${line.kind}:${line.text}`)
const PROMPTS = [
  { prompt: '>', wire: '\r\n>' },
  { prompt: '> ', wire: '\r\n> ' },
  { prompt: '@', wire: '\r\n@' },
]

async function startChat(t: Test, peer: ScriptedPeer, prompt: string): Promise<Chat> {
  const transport = await openTransport('sim://scripted', { simPeer: () => peer })
  const chat = createChat(transport, { profile: { ...SIMCOM_CHAT_PROFILE, prompt } })
  t.teardown(async () => {
    chat.detach()
    await transport.close()
  })
  return chat
}

for (const { prompt, wire } of PROMPTS) {
  t.test(`prompt ${JSON.stringify(prompt)}: a URC right after the prompt is a URC, and the data gets its own OK`, async t => {
    const peer = new ScriptedPeer().on('AT+CMQTTTOPIC=0,3\r', `${wire}\r\n+CMQTTCONNLOST: 0,3\r\n`).on('a/b', '\r\nOK\r\n')
    const chat = await startChat(t, peer, prompt)
    const asked = await chat.command('AT+CMQTTTOPIC=0,3', { timeoutMs: 2000 })
    t.equal(asked.outcome, 'prompt')
    await new Promise(resolve => setTimeout(resolve, 20))
    t.same(kinds(chat.peekUrcs()), ['urc:+CMQTTCONNLOST: 0,3'])
    const done = await chat.sendData(Buffer.from('a/b'), { end: 'none', timeoutMs: 2000 })
    t.equal(done.final, 'OK')
    t.same(kinds(done.lines), ['final:OK'])
  })

  t.test(`prompt ${JSON.stringify(prompt)}: a URC before the echoed data is a URC, and the echo is still echo`, async t => {
    const peer = new ScriptedPeer()
      .on('AT+CMQTTTOPIC=0,3\r', `AT+CMQTTTOPIC=0,3\r${wire}`)
      .on('a/b', '\r\n+CMQTTPING: 0,1\r\na/b\r\nOK\r\n')
    const chat = await startChat(t, peer, prompt)
    t.equal((await chat.command('AT+CMQTTTOPIC=0,3', { timeoutMs: 2000 })).outcome, 'prompt')
    const done = await chat.sendData(Buffer.from('a/b'), { end: 'none', timeoutMs: 2000 })
    t.equal(done.final, 'OK')
    t.same(kinds(done.lines), ['urc:+CMQTTPING: 0,1', 'echo:a/b', 'final:OK'])
  })

  t.test(`prompt ${JSON.stringify(prompt)}: a URC that arrives before the prompt does not end the command`, async t => {
    const peer = new ScriptedPeer().on('AT+CMQTTTOPIC=0,3\r', `\r\n+CMQTTPING: 0,1\r\n${wire}`)
    const chat = await startChat(t, peer, prompt)
    const asked = await chat.command('AT+CMQTTTOPIC=0,3', { timeoutMs: 2000 })
    t.equal(asked.outcome, 'prompt')
    t.same(kinds(asked.lines), ['urc:+CMQTTPING: 0,1', `prompt:${prompt}`])
  })
}
