/** Composing far-side servers into one link: names, waits that end in an outcome, and nothing left listening. */
import t from 'tap'
import { composeServerLink } from '../../src/app/server-link.js'
import { createEchoFarSide } from '../../src/app/echo-far-side.js'
import type { FarSideServer, ServerEvent } from '../../src/model/server-link.js'
import { startEchoServer } from '../../src/servers/tcp/index.js'

function createServer(events: ServerEvent[]): FarSideServer & { listeners: Set<(event: ServerEvent) => void> } {
  const listeners = new Set<(event: ServerEvent) => void>()
  return {
    names: ['tcp', 'udp'],
    listeners,
    events: () => events,
    onEvent: listener => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    act: async () => undefined,
  }
}

const event = (server: 'tcp' | 'udp', text: string, atMs: number): ServerEvent => ({ server, kind: 'bytes', body: Buffer.from(text), atMs })

t.test('a wait finds what arrived at or after since, of its own server only', async t => {
  const link = composeServerLink([createServer([event('udp', 'a', 10), event('tcp', 'a', 20), event('tcp', 'b', 30)])])
  t.same(link.names, ['tcp', 'udp'])
  const found = await link.waitFor('tcp', () => true, { timeoutMs: 10, since: 25 })
  t.match(found, { outcome: 'received', event: { body: Buffer.from('b') } })
  t.same(
    link.received('tcp', 15).map(e => e.body.toString()),
    ['a', 'b'],
  )
  t.match(await link.waitFor('http', () => true, { timeoutMs: 10 }), { outcome: 'failed' })
  await t.rejects(link.act({ server: 'sms', kind: 'deliver', from: '1', text: 'x' }))
})

t.test('a wait ends on timeout or abort and stops listening either way', async t => {
  const server = createServer([])
  const link = composeServerLink([server])
  t.match(await link.waitFor('tcp', () => true, { timeoutMs: 20 }), { outcome: 'timeout' })
  t.equal(server.listeners.size, 0)
  const controller = new AbortController()
  const waiting = link.waitFor('tcp', () => true, { timeoutMs: 10_000, signal: controller.signal })
  controller.abort()
  t.match(await waiting, { outcome: 'aborted' })
  t.equal(server.listeners.size, 0)
})

t.test('the echo server as a far side: reads are events, send and close reach the newest connection', async t => {
  const echo = await startEchoServer({ echo: false })
  t.teardown(() => echo.close())
  const far = composeServerLink([createEchoFarSide(echo)])
  await t.rejects(far.act({ server: 'tcp', kind: 'close' }), /no open TCP connection/)
  const { connect } = await import('node:net')
  const socket = connect(echo.port, echo.host)
  t.teardown(() => socket.destroy())
  await new Promise(resolve => socket.once('connect', resolve))
  const received = new Promise<Buffer>(resolve => socket.once('data', resolve))
  socket.write('hel')
  const wait = await far.waitFor('tcp', e => e.body.toString() === 'hel', { timeoutMs: 2000 })
  t.match(wait, { outcome: 'received', event: { server: 'tcp', kind: 'bytes', connection: 1 } })
  await far.act({ server: 'tcp', kind: 'send', bytes: Buffer.from('ping') })
  t.equal((await received).toString(), 'ping')
  const ended = new Promise(resolve => socket.once('end', resolve))
  await far.act({ server: 'tcp', kind: 'close' })
  await ended
  t.pass('the server closed the connection')
})
