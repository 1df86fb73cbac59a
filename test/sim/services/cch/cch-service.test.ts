/**
 * Byte-level probes of the CCH service commands, written from the A76XX SSL application note (1.4, 3.1, 3.2, 4.1):
 * AT+CCHSET, AT+CCHMODE, AT+CCHSTART, AT+CCHSTOP, AT+CCHADDR, AT+CCHSSLCFG, their order of result lines and OK,
 * and the commands refused before the service starts.
 */
import t, { type Test } from 'tap'
import { error, ok, urc, WireHarness } from '../../wire-harness.js'
import { startCch } from './cch-harness.js'

async function boot(t: Test, profile = 'simcom-a76xx'): Promise<WireHarness> {
  const h = await WireHarness.boot({ profile, echo: false })
  t.teardown(() => h.close())
  return h
}

for (const profile of ['simcom-a76xx', 'simcom-sim7600']) {
  t.test(`${profile}: settings, start with its result after OK, address, stop`, async t => {
    const h = await boot(t, profile)
    await h.command('AT+CCHSET=?', ok('+CCHSET: (0-1),(0-1)'), false)
    await h.command('AT+CCHSET?', ok('+CCHSET: 0,0'), false)
    await h.command('AT+CCHSET=1', ok(), false)
    await h.command('AT+CCHSET?', ok('+CCHSET: 1,0'), false)
    await h.command('AT+CCHSET=1,1', ok(), false)
    await h.command('AT+CCHSET?', ok('+CCHSET: 1,1'), false)
    await h.command('AT+CCHMODE?', ok('+CCHMODE: 0'), false)
    await h.command('AT+CCHMODE=0', ok(), false)
    await startCch(h)
    await h.command('AT+CCHSTART', error(), false)
    await h.command('AT+CCHADDR', ok('+CCHADDR: 10.64.0.17'), false)
    await h.command('AT+CCHSTOP', ok() + urc('+CCHSTOP: 0'), false)
    await h.command('AT+CCHSTOP', error(), false)
    t.equal(h.pending(), '')
  })
}

t.test('before AT+CCHSTART every other CCH operation is refused; test forms still answer', async t => {
  const h = await boot(t)
  for (const line of [
    'AT+CCHOPEN=0,"localhost",7443,2',
    'AT+CCHOPEN?',
    'AT+CCHSEND=0,5',
    'AT+CCHRECV=0',
    'AT+CCHRECV?',
    'AT+CCHCLOSE=0',
    'AT+CCHSSLCFG=0,0',
    'AT+CCHADDR',
  ]) {
    await h.command(line, error(), false)
  }
  await h.command('AT+CCHOPEN=?', ok('+CCHOPEN: (0-1),"ADDRESS",(1-65535)[,(1-2)[,(1-65535)]]'), false)
  await h.command('AT+CCHSEND=?', ok('+CCHSEND: (0-1),(1-2048)'), false)
  await h.command('AT+CCHSSLCFG=?', ok('+CCHSSLCFG: (0-1),(0-9)'), false)
})

t.test('the report and receive modes and the transfer mode are set before the service starts', async t => {
  const h = await boot(t)
  await h.command('AT+CCHMODE=1', error(), false)
  await h.command('AT+CCHSET=2', error(), false)
  await h.command('AT+CCHSET=0,2', error(), false)
  await startCch(h)
  await h.command('AT+CCHSET=1,1', error(), false)
  await h.command('AT+CCHMODE=0', error(), false)
  await h.command('AT+CCHSET?', ok('+CCHSET: 0,0'), false)
})

t.test('AT+CCHSSLCFG binds an SSL context to a session until the service stops', async t => {
  const h = await boot(t)
  await startCch(h)
  await h.command('AT+CCHSSLCFG?', ok('+CCHSSLCFG: 0,', '+CCHSSLCFG: 1,'), false)
  await h.command('AT+CCHSSLCFG=1,7', ok(), false)
  await h.command('AT+CCHSSLCFG?', ok('+CCHSSLCFG: 0,', '+CCHSSLCFG: 1,7'), false)
  await h.command('AT+CCHSSLCFG=2,0', error(), false)
  await h.command('AT+CCHSSLCFG=0,10', error(), false)
  await h.command('AT+CCHSTOP', ok() + urc('+CCHSTOP: 0'), false)
  await startCch(h)
  await h.command('AT+CCHSSLCFG?', ok('+CCHSSLCFG: 0,', '+CCHSSLCFG: 1,'), false)
})

t.test('AT+CCHSTART without network: OK, then +CCHSTART: 9 (network error); the service stays stopped', async t => {
  const h = await boot(t)
  h.modem.dropNetwork()
  await h.command('AT+CCHSTART', ok() + urc('+CCHSTART: 9'), false)
  await h.command('AT+CCHADDR', error(), false)
})
