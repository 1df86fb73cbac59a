import t from 'tap'
import { parseResolveRule, resolveHost } from '../../../src/sim/sockets/host-resolve.js'
import { parseSimParams } from '../../../src/sim/sim-options.js'
import { createSimModem, SimOptionsError } from '../../../src/sim/index.js'

t.test('resolve rules: exact host, * for any host, loopback passes, anything else is unmapped', async t => {
  const exact = parseResolveRule('test.mosquitto.org:8883=127.0.0.1:18883')
  const any = parseResolveRule('*:1883=[::1]:11883')
  t.ok(exact.ok && any.ok)
  const rules = [exact, any].flatMap(r => (r.ok ? [r.rule] : []))
  t.same(resolveHost(rules, 'TEST.mosquitto.org', 8883), { ok: true, host: '127.0.0.1', port: 18883, mapped: true })
  t.same(resolveHost(rules, 'broker.example', 1883), { ok: true, host: '::1', port: 11883, mapped: true })
  t.same(resolveHost(rules, 'localhost', 9), { ok: true, host: '127.0.0.1', port: 9, mapped: false })
  t.same(resolveHost(rules, '127.0.0.5', 9), { ok: true, host: '127.0.0.5', port: 9, mapped: false })
  t.same(resolveHost(rules, '[::1]', 9), { ok: true, host: '::1', port: 9, mapped: false })
  t.match(resolveHost(rules, 'test.mosquitto.org', 1884), { ok: false, reason: 'unmapped' })
  t.match(resolveHost(rules, '8.8.8.8', 53), { ok: false, reason: 'unmapped' })
  for (const bad of ['host:1=2', 'host=127.0.0.1:1', 'a:1=*:2', 'a:99999=b:1', 'a:1=b:1=c:1'])
    t.match(parseResolveRule(bad), { ok: false, code: 'resolve-syntax' }, bad)
})

t.test('sim:// query parameters', async t => {
  const parsed = parseSimParams(
    new URLSearchParams('echo=0&cmee=1&latencyMs=5&baud=115200&sim=0&rssi=10&resolve=*:8883=127.0.0.1:1&resolve=a:1=127.0.0.1:2'),
  )
  t.match(parsed, { ok: true, options: { echo: false, cmee: 1, latencyMs: 5, baud: 115200, simPresent: false, rssi: 10 } })
  t.equal(parsed.ok && parsed.options.resolve?.length, 2)
  const bad = parseSimParams(new URLSearchParams('echo=2&colour=red&resolve=x'))
  t.match(bad, {
    ok: false,
    problems: [
      { code: 'sim-option-value', param: 'echo' },
      { code: 'sim-option-unknown', param: 'colour' },
      { code: 'resolve-syntax', param: 'resolve' },
    ],
  })
  t.throws(() => createSimModem('simcom-a76xx', new URLSearchParams('baud=fast')), SimOptionsError)
  t.equal(createSimModem('simcom-sim7600', new URLSearchParams('echo=0')).profile.name, 'simcom-sim7600')
})
