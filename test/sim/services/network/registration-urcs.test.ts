/** +CREG/+CGREG/+CEREG report each change of the registration status, in the form their report mode asks for. */
import t from 'tap'
import { WireHarness, ok, urc } from '../../wire-harness.js'

const LOCATION = ',"333C","25C5D10"'

for (const profile of ['simcom-a76xx', 'simcom-sim7600', 'quectel-bg96', 'quectel-eg25']) {
  t.test(`${profile}: drop and restore, mode 1 shows the status, mode 2 adds the location`, async t => {
    const h = await WireHarness.boot({ profile, echo: false })
    t.teardown(() => h.close())
    await h.command('AT+CREG=1', ok(), false)
    await h.command('AT+CEREG=2', ok(), false)
    h.modem.dropNetwork()
    await h.expect(urc('+CREG: 2') + urc('+CEREG: 2'))
    h.modem.dropNetwork()
    h.modem.restoreNetwork()
    // A second drop changes nothing, so nothing is printed for it.
    await h.expect(urc('+CREG: 1') + urc(`+CEREG: 1${LOCATION},7`))
    h.modem.restoreNetwork()
    await h.command('AT+CREG?', ok('+CREG: 1,1'), false)
  })
}

t.test('a CFUN cycle: not registered (0), then searching (2), then registered (1)', async t => {
  const h = await WireHarness.boot({ echo: false })
  t.teardown(() => h.close())
  await h.command('AT+CGREG=2', ok(), false)
  await h.command('AT+CFUN=0', ok() + urc('+CGREG: 0'), false)
  await h.command('AT+CFUN=0', ok(), false)
  await h.command('AT+CFUN=1', ok() + urc('+CGREG: 2'), false)
  await h.expect(urc(`+CGREG: 1${LOCATION}`))
})

t.test('no signal and a pulled SIM are changes too; mode 0 prints nothing', async t => {
  const h = await WireHarness.boot({ echo: false })
  t.teardown(() => h.close())
  h.modem.setSignal(99)
  await h.command('AT+CREG=1', ok(), false)
  h.modem.setSignal(20)
  await h.expect(urc('+CREG: 1'))
  h.modem.removeSim()
  await h.expect(urc('+CREG: 0'))
  h.modem.insertSim()
  await h.expect(urc('+CPIN: READY') + urc('+CREG: 1'))
  await h.command('AT+CREG=0', ok(), false)
  h.modem.dropNetwork()
  await h.command('AT+CREG?', ok('+CREG: 0,2'), false)
})
