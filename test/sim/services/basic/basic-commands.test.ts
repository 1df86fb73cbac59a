import t from 'tap'
import { BOOT, WireHarness, error, ok, urc } from '../../wire-harness.js'

t.test("power-up prints each profile's banner; without a SIM only its first line", async t => {
  const h = await WireHarness.boot()
  t.teardown(() => h.close())
  const noSim = new WireHarness({ simPresent: false })
  t.teardown(() => noSim.close())
  await noSim.expect('\r\n*ATREADY: 1\r\n')
  const sim7600 = new WireHarness({ profile: 'simcom-sim7600' })
  t.teardown(() => sim7600.close())
  await sim7600.expect('\r\nRDY\r\n\r\n+CPIN: READY\r\n\r\nSMS DONE\r\n\r\nPB DONE\r\n')
  const noSim7600 = new WireHarness({ profile: 'simcom-sim7600', simPresent: false })
  t.teardown(() => noSim7600.close())
  await noSim7600.expect('\r\nRDY\r\n')
  await noSim.command('AT+CPIN?', '\r\n+CME ERROR: SIM not inserted\r\n')
})

t.test('AT echoes the command with its CR, then frames OK', async t => {
  const h = await WireHarness.boot()
  t.teardown(() => h.close())
  h.write('AT\r')
  t.equal(await h.read(9), 'AT\r\r\nOK\r\n')
})

t.test('echo follows the bytes as they arrive, one byte at a time too', async t => {
  const h = await WireHarness.boot()
  t.teardown(() => h.close())
  h.write('AT+CGMR\r', 1)
  await h.expect('AT+CGMR\r' + ok('+CGMR: A011B07A7670M7_F'))
  h.write('AT+CG')
  await h.expect('AT+CG')
  h.write('MI\r\n')
  await h.expect('MI\r' + ok('SIMCOM INCORPORATED'))
  h.write('AT\r')
  await h.expect('AT\r' + ok()) // the LF of CRLF is neither echoed nor a line
})

t.test('ATE0 stops the echo, ATE1 restores it; bad values are ERROR', async t => {
  const h = await WireHarness.boot()
  t.teardown(() => h.close())
  await h.command('ATE0', ok())
  await h.command('AT', ok(), false)
  await h.command('ATE2', error(), false)
  await h.command('ATE1', ok(), false)
  await h.command('AT', ok())
})

t.test('ATI and the identity commands', async t => {
  const h = await WireHarness.boot({ echo: false })
  t.teardown(() => h.close())
  await h.command(
    'ATI',
    ok('Manufacturer: SIMCOM INCORPORATED', 'Model: A7670E-LASE', 'Revision: A011B07A7670M7_F', 'IMEI: 864000000000005', '+GCAP: +CGSM'),
    false,
  )
  await h.command('AT+CGMI', ok('SIMCOM INCORPORATED'), false)
  await h.command('AT+CGMM', ok('A7670E-LASE'), false)
  await h.command('AT+CGSN', ok('864000000000005'), false)
  await h.command('AT+CGMI=?', ok(), false)
  await h.command('AT+CIMI', ok('001010123456789'), false)
  await h.command('AT+CGMM=1', error(), false)
})

t.test('the sim7600 profile has its own identity', async t => {
  const h = await WireHarness.boot({ echo: false, profile: 'simcom-sim7600' })
  t.teardown(() => h.close())
  await h.command('AT+CGMM', ok('SIMCOM_SIM7600E-H'), false)
  t.throws(() => new WireHarness({ profile: 'nokia-3310' }))
})

t.test('unknown commands and unreadable lines answer ERROR; lines without AT are ignored', async t => {
  const h = await WireHarness.boot({ echo: false })
  t.teardown(() => h.close())
  await h.command('AT+FOO', error(), false)
  await h.command('AT+CSQ=1,"x', error(), false)
  h.write('hello\r')
  await h.command('AT', ok(), false)
  t.match(h.modem.notes, [/does not start with AT/])
})

t.test('AT+CMEE switches how +CME ERROR reads', async t => {
  const h = new WireHarness({ echo: false, simPresent: false })
  t.teardown(() => h.close())
  await h.expect('\r\n*ATREADY: 1\r\n')
  await h.command('AT+CMEE?', ok('+CMEE: 2'), false)
  await h.command('AT+CPIN?', '\r\n+CME ERROR: SIM not inserted\r\n', false)
  await h.command('AT+CMEE=1', ok(), false)
  await h.command('AT+CPIN?', '\r\n+CME ERROR: 10\r\n', false)
  await h.command('AT+CMEE=0', ok(), false)
  await h.command('AT+CPIN?', error(), false)
  await h.command('AT+CMEE=3', error(), false)
  await h.command('AT+CMEE=?', ok('+CMEE: (0-2)'), false)
})

t.test('backspace edits the line being typed', async t => {
  const h = await WireHarness.boot({ echo: false })
  t.teardown(() => h.close())
  await h.command('AT+CGMX\bI', ok('SIMCOM INCORPORATED'), false)
})

t.test('injected garbage reaches the host between responses', async t => {
  const h = await WireHarness.boot({ echo: false })
  t.teardown(() => h.close())
  h.modem.injectGarbage(Buffer.from([0xff, 0x00, 0x41]))
  await h.expect('\xff\x00A')
  await h.command('AT', ok(), false)
})

t.test('latency delays the answer, not the echo, and commands stay in order', async t => {
  const h = await WireHarness.boot({ latencyMs: 30 })
  t.teardown(() => h.close())
  h.write('AT\rAT+CGMI\r')
  await h.expect('AT\r' + ok() + 'AT+CGMI\r' + ok('SIMCOM INCORPORATED'))
  h.modem.setLatency(0)
  await h.command('AT', ok())
})

t.test('baud pacing delivers the same bytes in slices', async t => {
  const h = new WireHarness({ baud: 9600, echo: false })
  t.teardown(() => h.close())
  const chunks: number[] = []
  const h2 = new WireHarness({ baud: 9600, echo: false })
  t.teardown(() => h2.close())
  await h.expect(BOOT)
  await h.command(
    'ATI',
    ok('Manufacturer: SIMCOM INCORPORATED', 'Model: A7670E-LASE', 'Revision: A011B07A7670M7_F', 'IMEI: 864000000000005', '+GCAP: +CGSM'),
    false,
  )
  // at 9600 baud a 10 ms slice holds 10 bytes: the modem's output arrives in chunks no larger than that
  h2.modem.attach(
    bytes => chunks.push(bytes.length),
    () => undefined,
  )
  h2.modem.receive(Buffer.from('ATI\r'))
  const total =
    BOOT.length +
    'ATI\r'.length +
    ok('Manufacturer: SIMCOM INCORPORATED', 'Model: A7670E-LASE', 'Revision: A011B07A7670M7_F', 'IMEI: 864000000000005', '+GCAP: +CGSM')
      .length
  for (let i = 0; i < 500 && chunks.reduce((a, b) => a + b, 0) < total; i++) await new Promise(resolve => setTimeout(resolve, 10))
  t.equal(
    chunks.reduce((a, b) => a + b, 0),
    total - 'ATI\r'.length,
    'every byte arrives (echo is off)',
  )
  t.ok(chunks.length > 3)
  t.ok(chunks.every(n => n <= 10))
  h.modem.setBaud(undefined)
  await h.command('AT', ok(), false)
})

t.test('reboot loses settings, prints RDY again and keeps answering', async t => {
  const h = await WireHarness.boot()
  t.teardown(() => h.close())
  await h.command('ATE0', ok())
  h.modem.reboot()
  await h.expect(BOOT)
  await h.command('AT', ok())
  await h.command('AT+CRESET', ok())
  await h.expect(BOOT)
})

t.test('the SIM can be pulled and put back', async t => {
  const h = await WireHarness.boot({ echo: false })
  t.teardown(() => h.close())
  h.modem.removeSim()
  await h.command('AT+CPIN?', '\r\n+CME ERROR: SIM not inserted\r\n', false)
  await h.command('AT+CIMI', '\r\n+CME ERROR: SIM not inserted\r\n', false)
  await h.command('AT+CREG?', ok('+CREG: 0,0'), false)
  h.modem.insertSim()
  await h.expect(urc('+CPIN: READY'))
  await h.command('AT+CPIN?', ok('+CPIN: READY'), false)
  await h.command('AT+CREG?', ok('+CREG: 0,1'), false)
})
