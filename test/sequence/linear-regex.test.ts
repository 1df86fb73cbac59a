/** Sequence regexes run in linear time: a catastrophic pattern cannot hang a run, and named groups still capture. */
import t from 'tap'
import { compileLinear, LinearRegExp } from '../../src/sequence/linear-regex.js'
import { loadSequenceText } from '../../src/sequence/index.js'
import type { SimModem } from '../../src/sim/sim-modem.js'
import { runYamlOnSim, stepNo } from '../helpers/run-on-sim.js'

t.test('/^(a+)+$/ against a 41-byte line answers at once', async t => {
  const re = new LinearRegExp('^(a+)+$')
  const started = performance.now()
  t.equal(re.test(`${'a'.repeat(40)}!`), false)
  t.equal(re.test('a'.repeat(40)), true)
  t.ok(performance.now() - started < 200, `took ${Math.round(performance.now() - started)} ms`)
})

t.test('named groups, flags and positions behave as with RegExp', async t => {
  const match = new LinearRegExp('\\+CSQ: (?<rssi>\\d+),(?<ber>\\d+)').exec('x+CSQ: 17,99')
  t.same(match?.groups, { rssi: '17', ber: '99' })
  t.equal(match?.index, 1)
  t.equal(match?.[0], '+CSQ: 17,99')
  t.ok(new LinearRegExp('^ok$', 'i').test('OK'))
  t.equal(new LinearRegExp('^a.b$', 's').test('a\nb'), true)
  t.equal(new LinearRegExp('^a.b$').test('a\nb'), false)
})

t.test('a match lists every group, the last one included, as RegExp does', async t => {
  const match = new LinearRegExp('^\\+CREG: (\\d),(\\d)(,\\w+)?$').exec('+CREG: 0,1')
  t.same([...match!], ['+CREG: 0,1', '0', '1', undefined])
  t.same([...new LinearRegExp('(\\d+),(\\d+)').exec('+CSQ: 17,99')!], ['17,99', '17', '99'])
})

t.test('a pattern without named groups has no groups object, as with RegExp', async t => {
  const match = new LinearRegExp('^\\+CSQ: (\\d+)').exec('+CSQ: 17')
  t.equal(match?.groups, undefined)
})

t.test('a pattern RE2 cannot run is rejected with what it cannot do and the engine error as cause', async t => {
  let thrown: unknown
  try {
    compileLinear('a(?=b)', '')
  } catch (error) {
    thrown = error
  }
  t.type(thrown, SyntaxError)
  t.equal(
    (thrown as SyntaxError).message,
    'not supported by the linear-time engine (error parsing regexp: invalid or unsupported Perl syntax: `(?=`); lookaround (?= (?! (?<= (?<! and backreferences \\1 are not',
  )
  t.equal(((thrown as SyntaxError).cause as Error).message, 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`')
})

t.test('lookaround and backreferences are rejected at validate, located', async t => {
  for (const pattern of ['/(?<=a)b/', '/(a)\\\\1/', '/a(?=b)/', '/(?!x)y/']) {
    const { diagnostics } = loadSequenceText('x.yaml', Buffer.from(`sequence: s\nsteps:\n  - send: AT\n    expect: ["${pattern}", OK]\n`))
    t.same(
      diagnostics.map(d => [d.code, d.at.line]),
      [['regex-unsupported', 4]],
      pattern,
    )
  }
})

t.test('a step whose expect is catastrophic for backtracking still ends at its timeout', { timeout: 20_000 }, async t => {
  const inject = (modem: SimModem): void => {
    const original = modem.receive.bind(modem)
    modem.receive = (bytes: Buffer): void => {
      if (bytes.toString('latin1').startsWith('AT\r')) modem.injectGarbage(`\r\n${'a'.repeat(40)}!\r\n`)
      original(bytes)
    }
  }
  const { record } = await runYamlOnSim(
    t,
    'sequence: redos\ndevice: simcom-a76xx\nabort: "/^(a+)+$/"\nsteps:\n  - no: "1"\n    send: AT\n    expect: ["/^(a+)+$/", OK]\n    timeout: 300ms\n',
    { identify: false, onSimModem: inject },
  )
  t.equal(stepNo(record, '1').status, 'failed')
  t.equal(record.exitCode, 1)
})
