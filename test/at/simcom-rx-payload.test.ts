/**
 * SIMCom's `+CMQTTRXPAYLOAD: <idx>,<len>` announces how many raw bytes follow, so a payload holding `\r\nOK\r\n`
 * is read whole, on both SIMCom profiles: the A76XX prints the bytes bare, the SIM7600 ends them with CR LF.
 * Checked with each profile's own encoding while a command runs, and end to end with the certification sequence.
 */
import { join } from 'node:path'
import t from 'tap'
import { runFiles } from '../../src/app/run-files.js'
import { createChat } from '../../src/at/chat.js'
import { SIMCOM_CHAT_PROFILE } from '../../src/modem/families/simcom/chat-profile.js'
import { SIMCOM_A76XX, SIMCOM_SIM7600 } from '../../src/sim/profile.js'
import { encodeRxMessage } from '../../src/sim/services/mqtt/rx-message.js'
import { openTransport } from '../../src/transport/open-transport.js'
import { filesRunOptions } from '../helpers/run-options.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'

const PAYLOAD = Buffer.from('a\r\nOK\r\nb')
const SEQUENCE = 'sequences/simcom/mqtt/receive-crlf-ok-payload.yaml'

for (const profile of [SIMCOM_A76XX, SIMCOM_SIM7600]) {
  t.test(`${profile.name}: a payload holding OK, pushed while a command runs, ends nothing`, async t => {
    const rx = encodeRxMessage(0, Buffer.from('t/rx'), PAYLOAD, profile.limits.rxChunkBytes, profile.behaviour.rxDataCrlf)
    const reply = Buffer.concat([rx, Buffer.from('\r\n+CSQ: 20,99\r\n\r\nOK\r\n')])
    // One byte per chunk: the payload's OK must not be taken for the final result code at any split.
    const peer = new ScriptedPeer({ maxChunkBytes: 1 }).on('AT+CSQ\r', reply)
    const transport = await openTransport('sim://scripted', { simPeer: () => peer })
    t.teardown(() => transport.close())
    const chat = createChat(transport, { profile: SIMCOM_CHAT_PROFILE })
    const payloads: Buffer[] = []
    chat.onLine(line => {
      if (line.kind === 'payload' && line.bytes !== undefined) payloads.push(line.bytes)
    })
    const exchange = await chat.command('AT+CSQ', { timeoutMs: 2000 })
    t.equal(exchange.outcome, 'final')
    t.same(
      exchange.lines.filter(line => line.kind === 'response' || line.kind === 'final').map(line => line.text),
      ['+CSQ: 20,99', 'OK'],
    )
    t.ok(
      payloads.some(bytes => bytes.equals(PAYLOAD)),
      'the payload event holds the 8 bytes',
    )
  })

  t.test(`${profile.name}: the certification sequence receives a payload holding CR LF and OK`, async t => {
    const dir = t.testdir({})
    const options = filesRunOptions(join(dir, 'reports'), text => t.comment(text), {
      devices: [`s=sim://${profile.name}`],
      commandLine: ['atseq', 'run', SEQUENCE],
    })
    const result = await runFiles([SEQUENCE], options)
    const record = result.runs[0]?.record
    const failed = record?.steps.filter(step => step.status === 'failed').map(step => `${step.no} ${step.reason}`)
    t.equal(result.exitCode, 0, JSON.stringify(failed))
    t.equal(record?.status, 'passed')
    t.equal(record?.device.url, `sim://${profile.name}`, 'on this profile')
  })
}
