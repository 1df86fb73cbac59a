import t from 'tap'
import { createTransport, openTransport } from '../../src/transport/open-transport.js'
import { isTransportError } from '../../src/transport/transport-error.js'
import { ScriptedPeer } from '../helpers/scripted-peer.js'

t.test('sim:// opens the modem its composer builds, with the profile name and the URL query', async t => {
  let seen: URLSearchParams | undefined
  let seenProfile: string | undefined
  const peer = new ScriptedPeer({ maxChunkBytes: 2 }).on('AT\r', '\r\nOK\r\n')
  const transport = await openTransport('sim://test-modem?echo=0', {
    simPeer: (profile, params) => {
      seenProfile = profile
      seen = params
      return peer
    },
  })
  t.equal(seenProfile, 'test-modem')
  t.equal(seen?.get('echo'), '0')
  t.same(transport.settings, { profile: 'test-modem' })
  const chunks: string[] = []
  let inWrite = true
  let deliveredInsideWrite = false
  transport.on('data', chunk => {
    chunks.push(chunk.toString())
    if (inWrite) deliveredInsideWrite = true
  })
  const written = transport.write(Buffer.from('AT\r'))
  inWrite = false
  await written
  await new Promise(resolve => setImmediate(resolve))
  t.same(chunks, ['\r\n', 'OK', '\r\n'], 'each peer send is one data event')
  t.equal(deliveredInsideWrite, false, 'never inside the host write call')
  t.same(peer.writes.map(String), ['AT\r'])
  await transport.close()
  t.equal(peer.isDetached, true)
})

t.test('a peer dropping the link emits one drop after the data it sent before', async t => {
  const peer = new ScriptedPeer()
  const transport = await openTransport('sim://x', { simPeer: () => peer })
  const events: string[] = []
  transport.on('data', chunk => events.push(`data:${chunk.toString()}`))
  transport.on('drop', drop => events.push(`drop:${drop.cause}`))
  peer.send('ab')
  peer.dropLink('reset')
  peer.dropLink('again')
  await new Promise(resolve => setImmediate(resolve))
  t.same(events, ['data:ab', 'drop:reset'])
  t.ok(
    isTransportError(
      await transport.write(Buffer.from('AT\r')).then(
        () => undefined,
        (e: unknown) => e,
      ),
      'not-open',
    ),
  )
})

t.test('a peer that throws is a dropped link, not a crash', async t => {
  const transport = await openTransport('sim://x', {
    simPeer: () => ({
      attach() {},
      receive() {
        throw new Error('boom')
      },
      async detach() {},
    }),
  })
  const drop = new Promise<string>(resolve => transport.on('drop', d => resolve(d.cause)))
  await transport.write(Buffer.from('AT\r'))
  t.match(await drop, /boom/)
})

t.test('sim:// without a simulator to build the modem is refused, not a crash', async t => {
  let caught: unknown
  try {
    createTransport('sim://nope')
  } catch (error) {
    caught = error
  }
  t.ok(isTransportError(caught, 'unknown-sim-profile'))
  t.match(isTransportError(caught) ? caught.message : '', /nope/)
})
