// Simulator figures: AT commands per second in-process, and the seed sequence end to end (TLS handshake included)
// against the embedded broker. Run after `npx tsc -p .`: node bench/sim.mjs
import { performance } from 'node:perf_hooks'
import { SimModem } from '../dist/sim/index.js'
import { startBroker } from '../dist/broker/index.js'

const SEED_TARGET_MS = 150

/** A host that writes a line and waits until `marker` arrives. */
function host(modem) {
  let received = ''
  let wake
  modem.attach(
    bytes => {
      received += bytes.toString('latin1')
      wake?.()
    },
    () => undefined,
  )
  const waitFor = marker =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${JSON.stringify(marker)} in ${JSON.stringify(received)}`)), 10_000)
      wake = () => {
        const at = received.indexOf(marker)
        if (at < 0) return
        received = received.slice(at + marker.length)
        clearTimeout(timer)
        wake = undefined
        resolve()
      }
      wake()
    })
  return {
    waitFor,
    async send(line, marker = '\r\nOK\r\n') {
      modem.receive(Buffer.from(`${line}\r`))
      await waitFor(marker)
    },
    async data(text) {
      modem.receive(Buffer.from(text))
      await waitFor('\r\nOK\r\n')
    },
  }
}

async function measureCommandsPerSecond(count) {
  const modem = new SimModem({ echo: false })
  const h = host(modem)
  await h.waitFor('+CPIN: READY\r\n')
  const started = performance.now()
  for (let i = 0; i < count; i++) await h.send(i % 2 === 0 ? 'AT+CSQ' : 'AT+CMQTTACCQ?')
  const seconds = (performance.now() - started) / 1000
  await modem.detach()
  return count / seconds
}

async function measureSeed(broker) {
  const resolve = [{ host: 'test.mosquitto.org', port: 8883, to: { host: broker.host, port: broker.tlsPort } }]
  const modem = new SimModem({ echo: true, resolve })
  const h = host(modem)
  await h.waitFor('+CPIN: READY\r\n')
  const started = performance.now()
  await h.send('AT+CMQTTSTART', '+CMQTTSTART: 0\r\n')
  await h.send('AT+CSSLCFG="authmode",0,0')
  await h.send('AT+CMQTTACCQ=0,"client test0",1')
  await h.send('AT+CMQTTSSLCFG=0,0')
  await h.send('AT+CMQTTWILLTOPIC=0,10', '\r\n>')
  await h.data('0123456789')
  await h.send('AT+CMQTTWILLMSG=0,6,1', '\r\n>')
  await h.data('qwerty')
  await h.send('AT+CMQTTCONNECT=0,"tcp://test.mosquitto.org:8883",60,1', '+CMQTTCONNECT: 0,0\r\n')
  await h.send('AT+CMQTTTOPIC=0,13', '\r\n>')
  await h.data('dddrrrggghhhk')
  await h.send('AT+CMQTTPAYLOAD=0,60', '\r\n>')
  await h.data('0123456789'.repeat(6))
  await h.send('AT+CMQTTPUB=0,1,60', '+CMQTTPUB: 0,0\r\n')
  await h.send('AT+CMQTTSUBTOPIC=0,9,1', '\r\n>')
  await h.data('123456789')
  await h.send('AT+CMQTTSUB=0,9,1', '\r\n>')
  modem.receive(Buffer.from('simcommsg'))
  await h.waitFor('+CMQTTSUB: 0,0\r\n')
  await h.send('AT+CMQTTSUB=0', '+CMQTTSUB: 0,0\r\n')
  await h.send('AT+CMQTTUNSUB=0,9,0', '\r\n>')
  modem.receive(Buffer.from('simcommsg'))
  await h.waitFor('+CMQTTUNSUB: 0,0\r\n')
  await h.send('AT+CMQTTDISC=0,120', '+CMQTTDISC: 0,0\r\n')
  await h.send('AT+CMQTTREL=0')
  await h.send('AT+CMQTTSTOP', '+CMQTTNONET\r\n')
  const ms = performance.now() - started
  await modem.detach()
  return ms
}

const broker = await startBroker({ mtlsPort: false })
try {
  await measureCommandsPerSecond(200) // warm-up
  const perSecond = await measureCommandsPerSecond(5000)
  await measureSeed(broker) // warm-up (certificate generation, JIT)
  const runs = []
  for (let i = 0; i < 10; i++) runs.push(await measureSeed(broker))
  runs.sort((a, b) => a - b)
  const median = runs[Math.floor(runs.length / 2)]
  console.log(`sim: ${Math.round(perSecond)} AT commands/s in-process (AT+CSQ / AT+CMQTTACCQ?, echo off, no pacing)`)
  console.log(
    `sim: seed sequence end to end incl. TLS handshake to the embedded broker: median ${median.toFixed(1)} ms, min ${runs[0].toFixed(1)} ms, max ${runs.at(-1).toFixed(1)} ms (target < ${SEED_TARGET_MS} ms: ${median < SEED_TARGET_MS ? 'met' : 'MISSED'}, ratio ${(median / SEED_TARGET_MS).toFixed(2)})`,
  )
} finally {
  await broker.close()
}
