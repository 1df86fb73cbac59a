/**
 * The seed's command sequence (MQTTS - Not Verify Server) typed by hand against a simulator, with the exact bytes
 * each step must produce. Shared by the embedded-broker and the Mosquitto tests.
 */
import { WireHarness, ok, urc } from './wire-harness.js'

export const SEED_PAYLOAD = '012345678901234567890123456789012345678901234567890123456789'

/** Sends `text` at an open prompt and expects OK. */
export async function answerPrompt(h: WireHarness, text: string | Buffer): Promise<void> {
  h.write(text, 7) // split input: the modem must count bytes, not chunks
  await h.expect(ok())
}

/** Rows 1-9: PDP, START, TLS not-verify on context 0, ACCQ (SSL), will, CONNECT, TOPIC, PAYLOAD, PUB. */
export async function runSeedUntilPublish(h: WireHarness, serverAddr = 'tcp://test.mosquitto.org:8883'): Promise<void> {
  await h.command('AT+CGDCONT=1,"IP","internet"', ok())
  await h.command('AT+CGACT=1,1', ok())
  await h.command('AT+CMQTTSTART', ok() + urc('+CMQTTSTART: 0'))
  await h.command('AT+CSSLCFG="sslversion",0,4', ok())
  await h.command('AT+CSSLCFG="authmode",0,0', ok())
  await h.command('AT+CMQTTACCQ=0,"client test0",1', ok())
  await h.command('AT+CMQTTSSLCFG=0,0', ok())
  await h.command('AT+CMQTTWILLTOPIC=0,10', '\r\n>')
  await answerPrompt(h, '0123456789')
  await h.command('AT+CMQTTWILLMSG=0,6,1', '\r\n>')
  await answerPrompt(h, 'qwerty')
  await h.command(`AT+CMQTTCONNECT=0,"${serverAddr}",60,1`, ok())
  await h.expect(urc('+CMQTTCONNECT: 0,0'), 10_000)
  await h.command('AT+CMQTTTOPIC=0,13', '\r\n>')
  await answerPrompt(h, 'dddrrrggghhhk')
  await h.command('AT+CMQTTPAYLOAD=0,60', '\r\n>')
  await answerPrompt(h, SEED_PAYLOAD)
  await h.command('AT+CMQTTPUB=0,1,60', ok())
  await h.expect(urc('+CMQTTPUB: 0,0'), 10_000)
}

/** Rows 10-13: SUBTOPIC + one-topic SUB, bulk SUB, one-topic UNSUB. */
export async function runSeedSubscriptions(h: WireHarness): Promise<void> {
  await h.command('AT+CMQTTSUBTOPIC=0,9,1', '\r\n>')
  await answerPrompt(h, '123456789')
  await h.command('AT+CMQTTSUB=0,9,1', '\r\n>')
  await answerPrompt(h, 'simcommsg')
  await h.expect(urc('+CMQTTSUB: 0,0'), 10_000)
  await h.command('AT+CMQTTSUB=0', ok())
  await h.expect(urc('+CMQTTSUB: 0,0'), 10_000)
}

/** Rows 13-16: UNSUB, DISC, REL, STOP (+CMQTTNONET after +CMQTTSTOP: 0, as the seed's module printed). */
export async function runSeedTeardown(h: WireHarness): Promise<void> {
  await h.command('AT+CMQTTUNSUB=0,9,0', '\r\n>')
  await answerPrompt(h, 'simcommsg')
  await h.expect(urc('+CMQTTUNSUB: 0,0'), 10_000)
  await h.command('AT+CMQTTDISC=0,120', ok())
  await h.expect(urc('+CMQTTDISC: 0,0'), 10_000)
  await h.command('AT+CMQTTREL=0', ok())
  await h.command('AT+CMQTTSTOP', ok() + urc('+CMQTTSTOP: 0') + urc('+CMQTTNONET'))
}

/** The bytes of a received message as the host must see them; `dataCrlf` for a profile that ends each data block with CRLF. */
export function rxBlock(idx: number, topic: string, payloadChunks: string[], dataCrlf = false): string {
  const payloadLength = payloadChunks.reduce((n, c) => n + Buffer.byteLength(c), 0)
  const end = dataCrlf ? '\r\n' : ''
  return (
    urc(`+CMQTTRXSTART: ${idx},${Buffer.byteLength(topic)},${payloadLength}`) +
    urc(`+CMQTTRXTOPIC: ${idx},${Buffer.byteLength(topic)}`) +
    topic +
    end +
    payloadChunks.map(c => urc(`+CMQTTRXPAYLOAD: ${idx},${Buffer.byteLength(c)}`) + c + end).join('') +
    urc(`+CMQTTRXEND: ${idx}`)
  )
}
