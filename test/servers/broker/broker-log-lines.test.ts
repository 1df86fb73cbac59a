import t from 'tap'
import { formatListenerLines, formatMessageLine } from '../../../src/servers/broker/broker-log-lines.js'
import type { ObservedMessage } from '../../../src/servers/broker/broker-observer.js'

const AT_MS = Date.UTC(2024, 0, 2, 3, 4, 5, 678)

function message(extra: Partial<ObservedMessage>): ObservedMessage {
  return { topic: 't', payload: Buffer.from('p'), qos: 0, retain: false, isWill: false, atMs: AT_MS, ...extra }
}

t.test('a text payload is shown quoted, with client, QoS and retain', async t => {
  t.equal(
    formatMessageLine(message({ clientId: 'dev', topic: 'dddrrrggghhhk', payload: Buffer.from('say "hi"'), qos: 1, retain: true })),
    '2024-01-02T03:04:05.678Z client=dev topic="dddrrrggghhhk" qos=1 retain=1 len=8 payload="say \\"hi\\""',
  )
})

t.test('a will is marked; no client reads as -', async t => {
  t.equal(
    formatMessageLine(message({ isWill: true, clientId: 'gone' })),
    '2024-01-02T03:04:05.678Z client=gone topic="t" qos=0 retain=0 will len=1 payload="p"',
  )
  t.match(formatMessageLine(message({})), / client=- /)
})

t.test('binary payloads are hex; long ones are cut at 80 with an ellipsis', async t => {
  t.match(formatMessageLine(message({ payload: Buffer.from([0, 1, 0xff]) })), / len=3 hex=0001ff$/)
  const long = formatMessageLine(message({ payload: Buffer.alloc(100, 'a') }))
  t.match(long, / len=100 payload="a{80}"…$/)
  t.match(
    formatMessageLine(message({ payload: Buffer.from('line\r\nbreak') })),
    /hex=6c696e650d0a627265616b$/,
    'control bytes never break the line',
  )
})

t.test('one listener line per listener, IPv6 hosts bracketed', async t => {
  t.same(formatListenerLines({ host: '127.0.0.1', tcpPort: 1883, tlsPort: 8883, mtlsPort: 8884 }), [
    'mqtt://127.0.0.1:1883 (TCP)',
    'mqtts://127.0.0.1:8883 (TLS)',
    'mqtts://127.0.0.1:8884 (TLS, client certificate required)',
  ])
  t.same(formatListenerLines({ host: '::1', tcpPort: 1, tlsPort: 2 }), ['mqtt://[::1]:1 (TCP)', 'mqtts://[::1]:2 (TLS)'])
})
