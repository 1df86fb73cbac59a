import t from 'tap'
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// Runs the built CLI (npm test builds dist/ first).
const root = fileURLToPath(new URL('../../', import.meta.url))
const atseq = (...args: string[]) =>
  spawnSync(process.execPath, ['dist/cli/main.js', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 })

/** Basic information commands and the seed's MQTT steps, as a modem engineer would type them. */
const SCRIPT = `# basic information
AT
ATI
AT+CGMR
AT+CGSN
AT+CIMI
AT+CSQ
AT+CPIN?
AT+CGDCONT=1,"IP","internet"
AT+CGACT=1,1
AT+CGPADDR=1
# the seed's MQTT steps
AT+CMQTTSTART
AT+CSSLCFG="sslversion",0,4
AT+CSSLCFG="authmode",0,0
AT+CMQTTACCQ=0,"client test0",1
AT+CMQTTSSLCFG=0,0
AT+CMQTTWILLTOPIC=0,10
>0123456789
AT+CMQTTWILLMSG=0,6,1
>qwerty
AT+CMQTTCONNECT=0,"tcp://test.mosquitto.org:8883",60,1
AT+CMQTTTOPIC=0,13
>dddrrrggghhhk
AT+CMQTTPAYLOAD=0,60
>012345678901234567890123456789012345678901234567890123456789
AT+CMQTTPUB=0,1,60
AT+CMQTTSUB=0,9,1
>simcommsg
AT+CMQTTUNSUB=0,9,0
>simcommsg
AT+CMQTTDISC=0,120
AT+CMQTTREL=0
AT+CMQTTSTOP
`

t.test(
  'record --script against the simulator: the draft validates, lints clean, holds no identifiers and passes on a fresh simulator',
  async t => {
    const dir = t.testdir({ 'commands.txt': SCRIPT })
    const draft = join(dir, 'recorded.yaml')
    const session = join(dir, 'session.json')
    const recorded = atseq(
      'record',
      '--device',
      'sim://simcom-a76xx',
      '--script',
      join(dir, 'commands.txt'),
      '-o',
      draft,
      '--session',
      session,
    )
    t.equal(recorded.status, 0, recorded.stderr)
    t.match(recorded.stdout, /wrote .*recorded\.yaml \(\d+ steps\)/)
    const text = readFileSync(draft, 'utf8')
    for (const identifier of ['864000000000005', '001010123456789'])
      t.notOk(text.includes(identifier), `no identifier literal ${identifier}`)
    t.notMatch(text, /(?<!\d)(89\d{17,18}|\d{15})(?!\d)/, 'no IMEI/IMSI/ICCID-shaped literal at all')
    t.notOk(readFileSync(session, 'utf8').includes('864000000000005'), 'the session record is masked too')
    t.match(text, /send: "AT\+CMQTTPUB=0,1,60"\n\s+expect: "OK"\n\s+urc: "\+CMQTTPUB: 0,0"/, "the result URC is the step's URC expectation")
    t.match(
      text,
      /- no: "\d+\.1"\n\s+send: "AT\+CMQTTWILLTOPIC=0,10"\n\s+expect: ">"\n\s+- no: "\d+\.2"\n\s+data: "0123456789"/,
      'prompt data is a data step',
    )
    t.match(text, /'\/\^\\\+CSQ: \(\?<rssi>\\d\+\),\(\?<ber>\\d\+\)\$\/'/, 'signal quality is a capture')

    t.equal(atseq('validate', draft).status, 0)
    const lint = atseq('lint', '--strict', draft)
    t.equal(lint.status, 0, lint.stderr)
    const rerun = atseq('run', '--report-dir', join(dir, 'reports'), draft)
    t.equal(rerun.status, 0, rerun.stdout)
    t.match(rerun.stdout, /PASSED/)
  },
)

t.test('record --script refuses a script with bad lines, naming them, and exits 2', async t => {
  const dir = t.testdir({ 'bad.txt': 'AT\nhello\nwait later\n' })
  const result = atseq('record', '--script', join(dir, 'bad.txt'), '-o', join(dir, 'x.yaml'))
  t.equal(result.status, 2)
  t.match(result.stderr, /bad\.txt:2: .*\[not-a-command\]/)
  t.match(result.stderr, /bad\.txt:3: .*\[bad-wait\]/)
})

t.test('record without a terminal and without --script says what to do and exits 2', async t => {
  const dir = t.testdir({})
  const result = atseq('record', '-o', join(dir, 'x.yaml'))
  t.equal(result.status, 2)
  t.match(result.stderr, /needs a terminal; use --script/)
})

t.test('record on a device that cannot be reached exits 3', async t => {
  const dir = t.testdir({ 'c.txt': 'AT\n' })
  writeFileSync(join(dir, 'c.txt'), 'AT\n')
  const result = atseq('record', '--device', 'tcp://127.0.0.1:1', '--script', join(dir, 'c.txt'), '-o', join(dir, 'x.yaml'))
  t.equal(result.status, 3, result.stderr)
})
