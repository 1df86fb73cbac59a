import t, { type Test } from 'tap'
import { SerialPort } from 'serialport'
import { createChat } from '../../src/at/chat.js'
import { SIMCOM_CHAT_PROFILE } from '../../src/modem/families/simcom/chat-profile.js'
import type { ChatTranscriptEntry } from '../../src/at/chat-types.js'
import { describeOpenError } from '../../src/transport/serial-transport.js'
import { openTransport } from '../../src/transport/open-transport.js'
import type { Transport } from '../../src/model/transport.js'
import { isTransportError } from '../../src/transport/transport-error.js'
import { connectPeerToStream, ScriptedPeer } from '../helpers/scripted-peer.js'
import { findTool, requireTool } from '../helpers/system-tool.js'
import { startPtyPair } from './pty-pair.js'

async function openModemSide(t: Test, path: string, peer: ScriptedPeer): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate: 115200, autoOpen: false })
  await new Promise<void>((resolve, reject) => port.open(error => (error ? reject(error) : resolve())))
  t.teardown(() => new Promise<void>(resolve => (port.isOpen ? port.close(() => resolve()) : resolve())))
  connectPeerToStream(peer, port)
  return port
}

async function openHost(t: Test, url: string): Promise<Transport> {
  const transport = await openTransport(url)
  t.teardown(() => transport.close())
  return transport
}

t.test('a chat over a socat pty pair through serialport', async t => {
  if (!requireTool(t, 'socat')) return
  const pty = await startPtyPair(t, findTool('socat') as string)
  const payload = 'x\r\nOK\r\n'
  const peer = new ScriptedPeer({ echo: true })
    .on('AT\r', '\r\nOK\r\n')
    .on('AT+CMQTTTOPIC=0,3\r', '\r\n>')
    .on('a/b', '\r\nOK\r\n')
    .on(
      'AT+CMQTTSUB=0\r',
      `\r\nOK\r\n\r\n+CMQTTRXSTART: 0,3,${payload.length}\r\n\r\n+CMQTTRXTOPIC: 0,3\r\na/b\r\n\r\n+CMQTTRXPAYLOAD: 0,${payload.length}\r\n${payload}\r\n\r\n+CMQTTRXEND: 0\r\n\r\n+CMQTTSUB: 0,0\r\n`,
    )
  await openModemSide(t, pty.modemPath, peer)
  const transport = await openHost(t, `serial://${pty.hostPath}?baud=115200&parity=none&databits=8&stopbits=1&rtscts=0`)
  t.equal(transport.settings.baud, 115200)
  const chat = createChat(transport, { profile: SIMCOM_CHAT_PROFILE })
  t.equal((await chat.command('AT', { timeoutMs: 5000 })).final, 'OK')
  t.equal((await chat.command('AT+CMQTTTOPIC=0,3', { timeoutMs: 5000 })).outcome, 'prompt')
  t.equal((await chat.sendData(Buffer.from('a/b'), { end: 'none', timeoutMs: 5000 })).final, 'OK')
  await chat.command('AT+CMQTTSUB=0', { timeoutMs: 5000 })
  const sub = await chat.waitForUrc(urc => urc.text === '+CMQTTSUB: 0,0', { timeoutMs: 5000 })
  t.equal(sub.outcome, 'matched')
  const received = chat
    .takeUrcs()
    .filter(urc => urc.kind === 'payload')
    .map(urc => urc.text)
  t.same(received, ['a/b', payload])
})

t.test('the far side going away mid-command ends the command at once as dropped', async t => {
  if (!requireTool(t, 'socat')) return
  const pty = await startPtyPair(t, findTool('socat') as string)
  const peer = new ScriptedPeer().on('AT+CMQTTSTART\r', '\r\n+CMQTTST')
  await openModemSide(t, pty.modemPath, peer)
  const transport = await openHost(t, pty.hostPath)
  // Pull the plug only once the whole partial reply is in, so the modem side has nothing left to write.
  let rxBytes = 0
  let onPartialReply = (): void => {}
  const partialReply = new Promise<void>(resolve => {
    onPartialReply = resolve
  })
  const transcript = (entry: ChatTranscriptEntry): void => {
    if (entry.dir === 'rx') rxBytes += entry.bytes.length
    if (rxBytes === '\r\n+CMQTTST'.length) onPartialReply()
  }
  const chat = createChat(transport, { profile: SIMCOM_CHAT_PROFILE, transcript })
  const pending = chat.command('AT+CMQTTSTART', { timeoutMs: 60_000 })
  await partialReply
  await pty.stop()
  const exchange = await pending
  t.equal(exchange.outcome, 'dropped')
  t.match(exchange.cause, new RegExp(pty.hostPath.replace(/[/.]/g, '\\$&')))
})

t.test('a port that another program holds is reported busy', async t => {
  if (!requireTool(t, 'socat')) return
  const pty = await startPtyPair(t, findTool('socat') as string)
  await openHost(t, pty.hostPath)
  const error = await openTransport(pty.hostPath).then(
    () => undefined,
    (e: unknown) => e,
  )
  t.ok(isTransportError(error, 'port-busy'), 'port-busy')
  t.match(isTransportError(error) ? error.hint : '', /ModemManager/)
})

t.test('a port that does not exist is reported with a hint to list ports', async t => {
  const error = await openTransport('serial:///dev/atseq-no-such-port?baud=9600').then(
    () => undefined,
    (e: unknown) => e,
  )
  t.ok(isTransportError(error, 'port-not-found'))
  t.match(isTransportError(error) ? error.hint : '', /atseq ports/)
})

t.test('open errors map to codes with hints (permission denied needs the dialout group)', async t => {
  const url = 'serial:///dev/ttyUSB2'
  t.equal(describeOpenError(url, '/dev/ttyUSB2', new Error('Error: Permission denied, cannot open /dev/ttyUSB2')).code, 'permission-denied')
  t.match(describeOpenError(url, '/dev/ttyUSB2', new Error('Error: Permission denied, cannot open /dev/ttyUSB2')).hint, /dialout/)
  t.equal(describeOpenError(url, '/dev/ttyUSB2', new Error('Error Resource temporarily unavailable Cannot lock port')).code, 'port-busy')
  t.equal(
    describeOpenError(url, '/dev/ttyUSB2', new Error('Error: No such file or directory, cannot open /dev/ttyUSB2')).code,
    'port-not-found',
  )
  t.equal(describeOpenError(url, '/dev/ttyUSB2', new Error('something else')).code, 'open-failed')
})
