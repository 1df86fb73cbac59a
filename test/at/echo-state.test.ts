/**
 * How the chat learns whether the modem echoes (ATE1/ATE0) from the commands it sees, and what that changes:
 * with echo on, prompt data is expected back before the answer.
 */
import t from 'tap'
import { type Chat, createChat } from '../../src/at/chat.js'
import type { ChatLine } from '../../src/at/chat-types.js'
import { SIMCOM_CHAT_PROFILE } from '../../src/modem/families/simcom/chat-profile.js'
import { HandTransport } from '../helpers/hand-transport.js'

const kinds = (lines: readonly ChatLine[]): string[] => lines.map(line => `${line.kind}:${line.text}`)

function startChat(): { chat: Chat; transport: HandTransport } {
  const transport = new HandTransport()
  return { chat: createChat(transport, { profile: SIMCOM_CHAT_PROFILE }), transport }
}

/** Runs `command`, plays `reply` and returns the exchange. */
async function exchange(chat: Chat, transport: HandTransport, command: string, reply: string): Promise<ChatLine[]> {
  const pending = chat.command(command, { timeoutMs: 1000 })
  transport.receive(reply)
  const done = await pending
  if (done.outcome !== 'final' && done.outcome !== 'prompt') throw new Error(`${command} ended ${done.outcome}`)
  return done.lines
}

/** Sends prompt data `OK` that the modem does not echo: a chat that expects echo takes the `OK` for it. */
async function expectsDataEcho(chat: Chat, transport: HandTransport): Promise<boolean> {
  await exchange(chat, transport, 'AT+CMQTTPAYLOAD=0,2', '\r\n>')
  const pending = chat.sendData(Buffer.from('OK'), { end: 'none', timeoutMs: 100 })
  transport.receive('\r\nOK\r\n')
  return (await pending).outcome === 'timeout'
}

t.test('an echoed command turns echo on: prompt data is then expected back', async t => {
  const { chat, transport } = startChat()
  t.same(kinds(await exchange(chat, transport, 'AT', 'AT\r\r\nOK\r\n')), ['echo:AT', 'final:OK'])
  t.equal(await expectsDataEcho(chat, transport), true)
})

t.test('a command whose echo does not come turns echo off (ATE0)', async t => {
  const { chat, transport } = startChat()
  await exchange(chat, transport, 'AT', 'AT\r\r\nOK\r\n')
  t.same(kinds(await exchange(chat, transport, 'ATE0', '\r\nOK\r\n')), ['final:OK'])
  t.equal(await expectsDataEcho(chat, transport), false)
})

t.test('a URC before the first line does not hide that the echo did not come', async t => {
  const { chat, transport } = startChat()
  await exchange(chat, transport, 'AT', 'AT\r\r\nOK\r\n')
  const lines = await exchange(chat, transport, 'AT+CSQ', '\r\n+CMQTTPING: 0,1\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n')
  t.same(kinds(lines), ['urc:+CMQTTPING: 0,1', 'response:+CSQ: 20,99', 'final:OK'])
  t.equal(await expectsDataEcho(chat, transport), false)
})

t.test('a URC with its payload before the first line does not hide it either', async t => {
  const { chat, transport } = startChat()
  await exchange(chat, transport, 'AT', 'AT\r\r\nOK\r\n')
  const lines = await exchange(chat, transport, 'AT+CSQ', '\r\n+CMQTTRXTOPIC: 0,2\r\nab\r\n\r\nOK\r\n')
  t.same(kinds(lines), ['urc:+CMQTTRXTOPIC: 0,2', 'payload:ab', 'final:OK'])
  t.equal(await expectsDataEcho(chat, transport), false)
})

t.test('prompt data that is not echoed does not turn echo off for commands', async t => {
  const { chat, transport } = startChat()
  await exchange(chat, transport, 'AT', 'AT\r\r\nOK\r\n')
  await exchange(chat, transport, 'AT+CMQTTTOPIC=0,2', 'AT+CMQTTTOPIC=0,2\r\r\n>')
  const pending = chat.sendData(Buffer.from('ab'), { end: 'none', timeoutMs: 1000 })
  transport.receive('\r\nOK\r\n')
  t.same(kinds((await pending).lines), ['final:OK'])
  t.equal(await expectsDataEcho(chat, transport), true)
})

t.test('a response line between echoed lines of prompt data does not end the echo', async t => {
  const { chat, transport } = startChat()
  await exchange(chat, transport, 'AT', 'AT\r\r\nOK\r\n')
  await exchange(chat, transport, 'AT+CMQTTPAYLOAD=0,6', 'AT+CMQTTPAYLOAD=0,6\r\r\n>')
  const pending = chat.sendData(Buffer.from('ab\r\ncd'), { end: 'none', timeoutMs: 1000 })
  transport.receive('ab\r\n\r\nxx\r\ncd\r\n\r\nOK\r\n')
  t.same(kinds((await pending).lines), ['echo:ab', 'response:xx', 'echo:cd', 'final:OK'])
})

t.test('the echo of a command is never its abort line, even when the abort test accepts it', async t => {
  const { chat, transport } = startChat()
  const pending = chat.command('AT+CMQTTDISC=0,60', { timeoutMs: 1000, isAbort: line => line.includes('CMQTTDISC=') })
  transport.receive('AT+CMQTTDISC=0,60\r\r\nOK\r\n')
  const done = await pending
  t.equal(done.outcome, 'final')
  t.same(kinds(done.lines), ['echo:AT+CMQTTDISC=0,60', 'final:OK'])
})
