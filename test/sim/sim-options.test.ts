import t from 'tap'
import { createSimModem, parseSimParams } from '../../src/sim/index.js'

t.test('simPin locks the SIM at boot', async t => {
  const parsed = parseSimParams(new URLSearchParams('simPin=1234'))
  t.match(parsed, { ok: true, options: { simPin: '1234' } })
  for (const bad of ['12', '123456789', 'abcd', ''])
    t.match(parseSimParams(new URLSearchParams(`simPin=${bad}`)), { ok: false, problems: [{ code: 'sim-option-value', param: 'simPin' }] })
  const modem = createSimModem('simcom-a76xx', new URLSearchParams('simPin=1234&echo=0'))
  let out = ''
  modem.attach(bytes => (out += bytes.toString('latin1')))
  t.equal(out, '\r\n*ATREADY: 1\r\n\r\n+CPIN: SIM PIN\r\n')
  modem.receive(Buffer.from('AT+CPIN="1234"\r'))
  await new Promise(resolve => setTimeout(resolve, 20))
  t.match(out, /\r\nOK\r\n\r\n\+CPIN: READY\r\n/)
  await modem.detach()
})

t.test('escapeGuardMs sets the silence around +++ (20 ms to 60 s)', async t => {
  t.match(parseSimParams(new URLSearchParams('escapeGuardMs=200')), { ok: true, options: { escapeGuardMs: 200 } })
  for (const bad of ['10', '60001', 'x'])
    t.match(parseSimParams(new URLSearchParams(`escapeGuardMs=${bad}`)), {
      ok: false,
      problems: [{ code: 'sim-option-value', param: 'escapeGuardMs' }],
    })
})
