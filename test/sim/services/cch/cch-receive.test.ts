/**
 * Byte-level probes of the manual receive mode (AT+CCHSET=<report>,1), written from the A76XX SSL application note
 * (4.1.2: `+CCHEVENT: <id>,RECV EVENT` when new data arrives) and the AT+CCHRECV read form `+CCHRECV: LEN,<n0>,<n1>`.
 */
import t from 'tap'
import { error, ok, urc } from '../../wire-harness.js'
import { bootWithServers, startCch, until } from './cch-harness.js'

t.test('manual mode: one RECV EVENT, reads by length with the rest kept, then nothing to read', async t => {
  const { h, tls } = await bootWithServers(t, 'simcom-a76xx', false)
  await h.command('AT+CCHSET=0,1', ok(), false)
  await startCch(h)
  await h.command('AT+CCHRECV?', ok('+CCHRECV: LEN,0,0'), false)
  await h.command('AT+CCHOPEN=0,"localhost",7443,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,0'))
  await until(() => tls.connections().length === 1)
  await tls.act({ server: 'tls', kind: 'send', bytes: Buffer.from('data from server') })
  await h.expect(urc('+CCHEVENT: 0,RECV EVENT'))
  await h.command('AT+CCHRECV?', ok('+CCHRECV: LEN,16,0'), false)
  await h.command('AT+CCHRECV=0,5', ok() + '\r\n+CCHRECV: DATA,0,5\r\ndata ' + urc('+CCHRECV: 0,0'), false)
  await h.command('AT+CCHRECV?', ok('+CCHRECV: LEN,11,0'), false)
  await h.command('AT+CCHRECV=0', ok() + '\r\n+CCHRECV: DATA,0,11\r\nfrom server' + urc('+CCHRECV: 0,0'), false)
  await h.command('AT+CCHRECV=0', error(), false)
  await h.command('AT+CCHRECV=1', error(), false)
  await tls.act({ server: 'tls', kind: 'send', bytes: Buffer.from('\r\nOK\r\n') })
  await h.expect(urc('+CCHEVENT: 0,RECV EVENT'))
  await h.command('AT+CCHRECV=0,0', ok() + '\r\n+CCHRECV: DATA,0,6\r\n\r\nOK\r\n' + urc('+CCHRECV: 0,0'), false)
  t.equal(h.pending(), '')
})

t.test('manual mode: more data while some is unread raises no second event', async t => {
  const { h, tls } = await bootWithServers(t, 'simcom-sim7600', false)
  await h.command('AT+CCHSET=1,1', ok(), false)
  await startCch(h)
  await h.command('AT+CCHOPEN=1,"localhost",7443,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 1,0'))
  await until(() => tls.connections().length === 1)
  await tls.act({ server: 'tls', kind: 'send', bytes: Buffer.from('one') })
  await h.expect(urc('+CCHEVENT: 1,RECV EVENT'))
  await tls.act({ server: 'tls', kind: 'send', bytes: Buffer.from('two') })
  // The second block raises no event (the cache was not empty), so give loopback a moment to deliver it.
  await new Promise(resolve => setTimeout(resolve, 100))
  await h.command('AT+CCHRECV?', ok('+CCHRECV: LEN,0,6'), false)
  await h.command('AT+CCHRECV=1,2049', error(), false)
  await h.command('AT+CCHRECV=1,6', ok() + '\r\n+CCHRECV: DATA,1,6\r\nonetwo' + urc('+CCHRECV: 1,0'), false)
})

t.test('push mode (the default) has nothing to read with AT+CCHRECV', async t => {
  const { h } = await bootWithServers(t)
  await startCch(h)
  await h.command('AT+CCHOPEN=0,"localhost",7443,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,0'))
  h.write('AT+CCHSEND=0,2\r')
  await h.expect('\r\n>')
  h.write('hi')
  await h.expect(ok() + '\r\n+CCHRECV: DATA,0,2\r\nhi')
  await h.command('AT+CCHRECV?', ok('+CCHRECV: LEN,0,0'), false)
  await h.command('AT+CCHRECV=0', error(), false)
})

t.test('a push larger than one block comes in blocks of at most 2048 bytes', async t => {
  const { h, tls } = await bootWithServers(t, 'simcom-a76xx', false)
  await startCch(h)
  await h.command('AT+CCHOPEN=0,"localhost",7443,2', ok(), false)
  await h.expect(urc('+CCHOPEN: 0,0'))
  await until(() => tls.connections().length === 1)
  const big = Buffer.alloc(3000, 'x')
  await tls.act({ server: 'tls', kind: 'send', bytes: big })
  let rest = 3000
  while (rest > 0) {
    const header = await h.readUntil('\r\n', 3000).then(async blank => blank + (await h.readUntil('\r\n')))
    const length = Number(/^\r\n\+CCHRECV: DATA,0,(\d+)\r\n$/.exec(header)?.[1])
    t.ok(length > 0 && length <= 2048, `a block of ${length} bytes`)
    t.equal(await h.read(length), 'x'.repeat(length))
    rest -= length
  }
})
